package io.pdx.marketplace.sandbox.admission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The key of a transaction-scoped PostgreSQL advisory lock: the first 8 bytes of the SHA-256 of what it locks. */
final class AdvisoryLockKey {

    private AdvisoryLockKey() {
    }

    static long of(String what) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

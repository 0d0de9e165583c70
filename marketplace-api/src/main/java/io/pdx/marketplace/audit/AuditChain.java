package io.pdx.marketplace.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The hash chain over audit events: SHA-256 of each event's canonical text, which starts with the previous hash. */
public final class AuditChain {

    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(AuditEvent event) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(event.canonicalText().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The sequence number of the first event whose links or hash do not hold, or null when all do. */
    public static Long firstBroken(List<AuditEvent> eventsInOrder, String expectedPrevious) {
        String previous = expectedPrevious;
        for (AuditEvent event : eventsInOrder) {
            if (!event.prevHash.equals(previous) || !event.hash.equals(hash(event))) {
                return event.seq;
            }
            previous = event.hash;
        }
        return null;
    }
}

package io.pdx.marketplace.observability;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialRedactionTest {

    static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

    @Test
    void tokensCredentialsAndKeyIds_areRedacted_theRestKept() {
        assertEquals("verify [redacted] failed", CredentialRedaction.redact("verify " + JWT + " failed"));
        assertEquals("Authorization: Bearer [redacted]", CredentialRedaction.redact("Authorization: Bearer opaque-token-123456"));
        assertEquals("Basic [redacted]", CredentialRedaction.redact("Basic dXNlcjpwYXNzd29yZA=="));
        assertEquals("JWK with kid '[redacted]' is not available", CredentialRedaction.redact("JWK with kid 'attacker-text' is not available"));
        assertEquals("{\"alg\":\"RS256\",\"kid\":\"[redacted]\"}", CredentialRedaction.redact("{\"alg\":\"RS256\",\"kid\":\"attacker\"}"));
        String ordinary = "job 6f1c9f4e-2b8a-4d53-8f0e-3a7d9c1b2e4f answered 401 in 12 ms";
        assertEquals(ordinary, CredentialRedaction.redact(ordinary));
    }

    @Test
    void aRecord_isRewritten_messageParametersAndExceptionChain() {
        ExtLogRecord record = new ExtLogRecord(Level.FINE, "token %s rejected", ExtLogRecord.FormatStyle.PRINTF, "test");
        record.setParameters(new Object[] {JWT});
        record.setThrown(new IllegalStateException("outer", new IllegalArgumentException("bad " + JWT)));
        assertTrue(new CredentialRedaction().isLoggable(record));
        assertEquals("token [redacted] rejected", record.getFormattedMessage());
        StringBuilder chain = new StringBuilder();
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        assertFalse(chain.toString().contains(JWT), chain.toString());
        assertTrue(chain.toString().contains("java.lang.IllegalArgumentException: bad [redacted]"), chain.toString());
    }
}

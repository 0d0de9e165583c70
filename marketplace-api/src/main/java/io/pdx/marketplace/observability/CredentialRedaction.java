package io.pdx.marketplace.observability;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * Every log line leaves without a credential in it: JSON Web Tokens (whole, or a header and payload), the value of a
 * Bearer or Basic authorization, and the key id such a token names, are replaced by {@code [redacted]} — in the message and in the text of an exception.
 * Our own code never logs one; this catches a library that does (Quarkus OIDC prints a token it could not verify at
 * DEBUG). Installed on the console handler ({@code quarkus.log.console.filter=credential-redaction}).
 */
@LoggingFilter(name = "credential-redaction")
public final class CredentialRedaction implements Filter {

    static final String REDACTED = "[redacted]";

    /** A JWS/JWE compact serialization (base64url of a JSON object: "eyJ"), or a credential after its scheme. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{4,}(?:\\.[A-Za-z0-9_-]*){1,4}|(?i:(?<=bearer |basic ))[A-Za-z0-9._~+/=-]{8,}"
            // the key id of a token that did not verify is the caller's text, as a library quotes it
            + "|(?<=kid ')[^']{1,200}(?=')|(?<=\"kid\":\")[^\"]{1,200}(?=\")");

    public static String redact(String text) {
        return text == null ? null : CREDENTIAL.matcher(text).replaceAll(REDACTED);
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String redacted = redact(message);
        if (redacted != null && !redacted.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && carriesCredential(thrown)) {
            record.setThrown(RedactedThrowable.of(thrown));
        }
        return true;
    }

    private static boolean carriesCredential(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().equals(redact(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /** An exception's chain with each message redacted, keeping the class names and the stack frames. */
    static final class RedactedThrowable extends RuntimeException {

        private RedactedThrowable(String text, Throwable cause) {
            super(text, cause, false, true);
        }

        static Throwable of(Throwable thrown) {
            Throwable cause = thrown.getCause() == null || thrown.getCause() == thrown ? null : of(thrown.getCause());
            RedactedThrowable copy = new RedactedThrowable(thrown.getClass().getName() + ": " + redact(thrown.getMessage()), cause);
            copy.setStackTrace(thrown.getStackTrace());
            return copy;
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}

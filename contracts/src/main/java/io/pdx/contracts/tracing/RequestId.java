package io.pdx.contracts.tracing;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together every log line of one request, in marketplace-api and in the sandbox-runner calls it
 * makes for that request: sent and answered as {@value #HEADER}, kept in the logging MDC under {@value #MDC_KEY}.
 * A caller may bring its own id; it is taken only when it is a sane token (letters, digits, {@code . _ : -}, at
 * most {@value #MAX_LENGTH} characters) — anything else (spaces, line breaks, a JWT-sized blob) is replaced by a
 * fresh one, so a header can neither forge log lines nor smuggle a secret into them.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final int MAX_LENGTH = 64;

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_LENGTH - 1) + "}");

    private RequestId() {
    }

    /** Whether {@code candidate} may be used as a request id as it is. */
    public static boolean sane(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches();
    }

    /** The caller's id when it is sane, else a fresh one. */
    public static String acceptOrNew(String incoming) {
        return sane(incoming) ? incoming : fresh();
    }

    /** A new id (a random UUID). */
    public static String fresh() {
        return UUID.randomUUID().toString();
    }
}

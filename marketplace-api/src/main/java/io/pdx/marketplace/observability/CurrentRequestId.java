package io.pdx.marketplace.observability;

import io.pdx.contracts.tracing.RequestId;
import org.jboss.logging.MDC;

/** The request id of the work at hand (see {@link RequestIdFilter}), to send on to sandbox-runner. */
public final class CurrentRequestId {

    private CurrentRequestId() {
    }

    /** The id in the logging context, or null outside a request (a scheduled step). */
    public static String get() {
        Object id = MDC.get(RequestId.MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The id in the logging context, or a fresh one for a call made outside a request (the runner logs it either way). */
    public static String orFresh() {
        String id = get();
        return RequestId.sane(id) ? id : RequestId.fresh();
    }

    /** Carries {@code id} (from {@link #get()} on the caller's context) into the logging context of the work at hand. */
    public static void adopt(String id) {
        if (RequestId.sane(id)) {
            MDC.put(RequestId.MDC_KEY, id);
        }
    }
}

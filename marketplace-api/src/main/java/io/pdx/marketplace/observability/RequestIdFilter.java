package io.pdx.marketplace.observability;

import io.pdx.contracts.tracing.RequestId;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@value RequestId#HEADER} when it is a sane token, else a fresh one. It
 * is kept in the logging MDC ({@value RequestId#MDC_KEY}) for every line logged while the request is served,
 * answered in the same header, and sent on to sandbox-runner with every internal call the request makes
 * ({@link io.pdx.marketplace.sandbox.runner.SandboxRunner}). A request that ends in a 5xx is logged (method, path
 * without its query, status, time) at WARN, every other at DEBUG — never a header, a query string or a body.
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Before every other filter (authentication, rate limits), so that whatever they log carries the id. */
    static final int PRIORITY = 10_000;
    static final int MAX_LOGGED_PATH = 120;
    private static final Logger LOG = Logger.getLogger(RequestIdFilter.class);

    void register(@Observes Filters filters) {
        filters.register(this::tag, PRIORITY);
    }

    void tag(RoutingContext context) {
        String id = RequestId.acceptOrNew(context.request().getHeader(RequestId.HEADER));
        MDC.put(RequestId.MDC_KEY, id);
        context.response().putHeader(RequestId.HEADER, id);
        long started = System.nanoTime();
        context.addEndHandler(ended -> {
            int status = context.response().getStatusCode();
            if (status >= 500 || LOG.isDebugEnabled()) {
                String path = context.normalizedPath();
                LOG.logf(status >= 500 ? Logger.Level.WARN : Logger.Level.DEBUG, "%s %s answered %d in %d ms",
                        context.request().method().name(),
                        path.length() > MAX_LOGGED_PATH ? path.substring(0, MAX_LOGGED_PATH) + "…" : path,
                        status, (System.nanoTime() - started) / 1_000_000);
            }
        });
        context.next();
    }
}

package io.pdx.sandbox.observability;

import io.pdx.contracts.tracing.RequestId;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Every request gets the request id marketplace-api sent ({@value RequestId#HEADER}; a fresh one when it sent
 * none or an odd one), kept in the logging MDC for every line logged while it is served and answered in the same
 * header. Each call of the internal API is logged once it is answered — method, path (ids only: no query string,
 * no body), status and time — so marketplace-api's request and the runner's work on it share one id.
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Before every other filter, so that even a refused call is logged with its id. */
    static final int PRIORITY = 10_000;
    private static final Logger LOG = Logger.getLogger(RequestIdFilter.class);

    void register(@Observes Filters filters) {
        filters.register(this::tag, PRIORITY);
    }

    void tag(RoutingContext context) {
        String id = RequestId.acceptOrNew(context.request().getHeader(RequestId.HEADER));
        MDC.put(RequestId.MDC_KEY, id);
        context.response().putHeader(RequestId.HEADER, id);
        String path = context.normalizedPath();
        if (path.startsWith("/internal/")) {
            long started = System.nanoTime();
            String method = context.request().method().name();
            context.addEndHandler(ended -> {
                MDC.put(RequestId.MDC_KEY, id);
                LOG.infof("%s %s answered %d in %d ms", method, path, context.response().getStatusCode(),
                        (System.nanoTime() - started) / 1_000_000);
            });
        }
        context.next();
    }
}

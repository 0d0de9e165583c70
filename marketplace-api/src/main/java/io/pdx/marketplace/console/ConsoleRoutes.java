package io.pdx.marketplace.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web console (web-ui/, built into the jar's static resources) as a single-page application: a page address the
 * console routes itself ({@code /licenses/…}, {@code /workspace/…}, {@code /auth/callback}) is answered with its
 * index.html, so a bookmark or a reload works; index.html is revalidated on every load (a new release shows at once),
 * the hashed files under /assets are cached for a year. The API ({@code /api}) and Quarkus' own pages ({@code /q})
 * are not touched.
 */
@ApplicationScoped
public class ConsoleRoutes {

    static final String INDEX = "/";
    static final String ASSETS = "/assets/";
    static final String REVALIDATE = "no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    void install(@Observes Filters filters) {
        filters.register(ConsoleRoutes::route, 10);
    }

    static void route(RoutingContext context) {
        HttpMethod method = context.request().method();
        String path = context.normalizedPath();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !consolePath(path)) {
            context.next();
            return;
        }
        if (path.startsWith(ASSETS)) {
            // a hashed file never changes: cached for a year — but a 404 must not be
            context.addHeadersEndHandler(ignored -> {
                if (context.response().getStatusCode() == 200) {
                    context.response().putHeader("Cache-Control", IMMUTABLE);
                }
            });
            context.next();
        } else if (isFile(path)) {
            context.next();
        } else {
            context.response().putHeader("Cache-Control", REVALIDATE);
            if (INDEX.equals(path)) {
                context.next();
            } else {
                context.reroute(INDEX);
            }
        }
    }

    /** Not the API, not Quarkus' pages: the console's. */
    static boolean consolePath(String path) {
        return path != null && !path.equals("/api") && !path.startsWith("/api/") && !path.equals("/q") && !path.startsWith("/q/");
    }

    /** A file name in the last segment (favicon.svg, robots.txt), not a page of the console. */
    static boolean isFile(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".");
    }
}

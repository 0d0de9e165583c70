package io.pdx.marketplace.ratelimit;

import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem;
import io.pdx.marketplace.security.CurrentSubject;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies the rate limits: job submissions per organization, the public catalog (search, datasets, DCAT, reference
 * data, the DCAT-AP feed, CKAN's action API) and open-data downloads per client — the signed-in user, else the address. Over the limit: 429 with {@code Retry-After} and a problem.
 */
public class RateLimitFilter {

    private final RateLimits limits;
    private final CurrentSubject currentSubject;

    public RateLimitFilter(RateLimits limits, CurrentSubject currentSubject) {
        this.limits = limits;
        this.currentSubject = currentSubject;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest connection) {
        String path = request.getUriInfo().getPath();
        String method = request.getMethod();
        String kind;
        String caller;
        if (HttpMethod.POST.equals(method) && path.equals("/api/v1/sandbox/jobs")) {
            Subject subject = currentSubject.get();
            if (subject.organization() == null) {
                return Uni.createFrom().nullItem(); // the policy refuses it anyway
            }
            kind = "job_submission";
            caller = subject.organization();
        } else if (HttpMethod.GET.equals(method) && (path.startsWith("/api/v1/open/") || publicCatalog(path))
                || HttpMethod.POST.equals(method) && path.startsWith("/api/3/action/")) { // CKAN's clients read by POST
            Subject subject = currentSubject.get();
            kind = path.startsWith("/api/v1/open/") ? "open_data" : "public_catalog";
            caller = subject.authenticated() ? "user:" + subject.user()
                    : "address:" + (connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress());
        } else {
            return Uni.createFrom().nullItem();
        }
        return limits.take(kind, caller).map(verdict -> verdict.allowed() ? null
                : Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", verdict.retryAfterSeconds())
                .entity(new Problem(Problem.type("rate-limited"), "Too many requests / 请求过于频繁", 429,
                        "More " + kind.replace('_', ' ') + " requests than the limit allows; try again in "
                                + verdict.retryAfterSeconds() + " s.", path, java.util.List.of()))
                .build());
    }

    /**
     * The public catalog: search and datasets, reference data, the DCAT-AP feed and CKAN's action API, the registrations
     * in publicity and certificate verification (its PDF draws a page: not free to ask for without end).
     */
    static boolean publicCatalog(String path) {
        return path.startsWith("/api/v1/datasets") || path.equals("/api/v1/reference") || path.startsWith("/api/v1/catalog")
                || path.startsWith("/api/3/action/") || path.startsWith("/api/v1/registrations/")
                || path.startsWith("/api/v1/certificates/");
    }
}

package io.pdx.sandbox.security;

import io.pdx.contracts.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Only marketplace-api may call the runner: every {@code /internal} request carries
 * {@code Authorization: Bearer <shared secret>}. Anything else — no header, a wrong secret, or no
 * secret configured at all (fail closed) — is a 401 problem+json. Compared in constant time; the
 * secret is never logged.
 *
 * <p>Rotation without downtime: the runner accepts the current secret and, while a rotation is under way,
 * the previous one ({@code pdx.sandbox.previous-secret}); marketplace-api sends the current one. Give the runner
 * the new secret with the old one as previous, then marketplace-api the new one, then drop the previous.
 *
 * <p>The metrics ({@code /q/metrics}) need the same secret: Vert.x serves them outside JAX-RS, so a route filter
 * guards them ({@link #guardMetrics}). Health ({@code /q/health}) stays public and says up or down only.
 */
public class RunnerSecretFilter {

    static final int MIN_LENGTH = 16;
    static final String METRICS = "/q/metrics";
    /** After the request id is set (its filter runs first), before any route. */
    static final int METRICS_FILTER_PRIORITY = 9_000;
    static final String METRICS_REFUSED = "{\"type\":\"" + Problem.type("unauthorized") + "\",\"title\":\"Unauthorized caller / 调用方未授权\","
            + "\"status\":401,\"detail\":\"Only marketplace-api and the platform's monitoring may read the sandbox runner's metrics.\","
            + "\"instance\":\"" + METRICS + "\"}";

    private final List<byte[]> accepted;

    public RunnerSecretFilter(@ConfigProperty(name = "pdx.sandbox.secret") Optional<String> secret,
                              @ConfigProperty(name = "pdx.sandbox.previous-secret") Optional<String> previous) {
        this.accepted = Stream.of(secret, previous)
                .flatMap(Optional::stream)
                .filter(value -> value.length() >= MIN_LENGTH)
                .map(value -> ("Bearer " + value).getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireSecret(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/internal")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && accepts(header.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("unauthorized"), "Unauthorized caller / 调用方未授权", 401,
                        "Only marketplace-api may call the sandbox runner.", request.getUriInfo().getPath(), null))
                .build());
    }

    void guardMetrics(@Observes Filters filters) {
        filters.register(this::requireSecretForMetrics, METRICS_FILTER_PRIORITY);
    }

    void requireSecretForMetrics(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (!context.normalizedPath().startsWith(METRICS) || header != null && accepts(header.getBytes(StandardCharsets.UTF_8))) {
            context.next();
            return;
        }
        context.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(METRICS_REFUSED);
    }

    /** Every accepted secret is compared, in constant time each, so the answer's timing does not tell which matched. */
    private boolean accepts(byte[] presented) {
        boolean match = false;
        for (byte[] secret : accepted) {
            match |= MessageDigest.isEqual(secret, presented);
        }
        return match;
    }
}

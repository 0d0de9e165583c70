package io.pdx.sandbox.security;

import io.pdx.contracts.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Only marketplace-api may call the runner: every {@code /internal} request carries
 * {@code Authorization: Bearer <shared secret>}. Anything else — no header, a wrong secret, or no
 * secret configured at all (fail closed) — is a 401 problem+json. Compared in constant time; the
 * secret is never logged.
 */
public class RunnerSecretFilter {

    private final byte[] secret;

    public RunnerSecretFilter(@ConfigProperty(name = "pdx.sandbox.secret") Optional<String> secret) {
        this.secret = secret.filter(value -> value.length() >= 16)
                .map(value -> ("Bearer " + value).getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireSecret(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/internal")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (secret != null && header != null
                && MessageDigest.isEqual(secret, header.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("unauthorized"), "Unauthorized caller / 调用方未授权", 401,
                        "Only marketplace-api may call the sandbox runner.", request.getUriInfo().getPath(), null))
                .build());
    }
}

package io.pdx.marketplace.problem;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * {@code OPTIONS} answered with exactly the methods of the path asked about (the framework's own answer lists every
 * method of the resource class, other paths' included).
 */
public class PreciseOptions {

    private final AllowedMethods allowedMethods;

    public PreciseOptions(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerRequestFilter(preMatching = true)
    public Response options(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return null;
        }
        Set<String> allowed = allowedMethods.of(request.getUriInfo().getPath());
        return allowed.isEmpty() ? null : Response.noContent().header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
    }
}

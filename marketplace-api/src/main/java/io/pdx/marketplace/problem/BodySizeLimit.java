package io.pdx.marketplace.problem;

import io.pdx.contracts.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * A request body larger than the API reads ({@code pdx.api.max-body-bytes}: every request of this API is a small JSON
 * document) is a 413 problem. The HTTP layer's own cap ({@code quarkus.http.limits.max-body-size}) stays above it as
 * the hard stop for bodies that do not state their length.
 */
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "pdx.api.max-body-bytes") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Response tooLarge(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException malformed) {
            return null; // the HTTP layer answers a malformed length itself
        }
        if (bytes <= maxBytes) {
            return null;
        }
        return Response.status(413).type(Problem.MEDIA_TYPE).header("Connection", "close")
                .entity(new Problem(Problem.type("payload-too-large"), "Request too large / 请求体过大", 413,
                        "The request body has " + bytes + " bytes; this API reads at most " + maxBytes + ".",
                        request.getUriInfo().getPath(), List.of()))
                .build();
    }
}

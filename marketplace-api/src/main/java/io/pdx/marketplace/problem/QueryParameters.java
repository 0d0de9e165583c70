package io.pdx.marketplace.problem;

import io.pdx.contracts.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Query and path parameters the OpenAPI document does not admit, refused with a 400 naming them before any resource
 * reads them: an empty value ({@code ?grade=}, {@code ?wait=}), which the framework would hand over as if the
 * parameter were absent (so {@code ?datasetId=} listed every product), and text holding NUL, which PostgreSQL cannot
 * take (a search for it ended in a 500). The document says both on every parameter ({@code openapi.ApiContract}).
 */
public class QueryParameters {

    @ServerRequestFilter
    public Response refuse(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.isEmpty()) {
                    return invalid(request, parameter.getKey(), "must not be empty");
                }
                if (value.indexOf('\0') >= 0) {
                    return invalid(request, parameter.getKey(), "must not contain the NUL character");
                }
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                return invalid(request, parameter.getKey(), "must not contain the NUL character");
            }
        }
        return null;
    }

    private static Response invalid(ContainerRequestContext request, String name, String message) {
        Problem problem = new Problem(Problem.type("invalid-request"), "Invalid request / 请求无效", 400,
                "The request has invalid fields.", request.getUriInfo().getPath(), List.of(new Problem.FieldError(name, message)));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

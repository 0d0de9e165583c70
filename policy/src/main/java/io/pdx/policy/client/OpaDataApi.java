package io.pdx.policy.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * OPA's REST Data API ({@code POST /v1/data/{path}}). Only {@link PolicyClient} talks to it.
 * The base URL is {@code quarkus.rest-client.opa.url}.
 */
@RegisterRestClient(configKey = "opa")
@Path("/v1/data")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface OpaDataApi {

    @POST
    @Path("/{path}")
    Uni<JsonNode> evaluate(@Encoded @PathParam("path") String path, OpaRequest request);

    /** The request envelope: {@code {"input": …}}. */
    record OpaRequest(Object input) {
    }
}

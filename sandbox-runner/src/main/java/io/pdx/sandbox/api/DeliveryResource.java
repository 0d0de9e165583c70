package io.pdx.sandbox.api;

import io.pdx.contracts.runner.DeliveryRequest;
import io.pdx.contracts.runner.ResultFormat;
import io.pdx.sandbox.engine.DeliveryExecution;
import io.pdx.sandbox.engine.RunFailure;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Streams a DELIVERY license's columns of a GENERAL dataset, as Arrow, Parquet or JSON. */
@Path("/internal/v1/deliveries")
public class DeliveryResource {

    private final DeliveryExecution delivery;

    public DeliveryResource(DeliveryExecution delivery) {
        this.delivery = delivery;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deliver(DeliveryRequest request, @QueryParam("format") @DefaultValue("arrow") String format)
            throws RunFailure {
        delivery.check(request);
        ResultFormat chosen = ResultFormat.of(format).orElse(ResultFormat.ARROW);
        StreamingOutput body = out -> delivery.stream(request, chosen, out);
        return Response.ok(body, chosen.mediaType()).build();
    }
}

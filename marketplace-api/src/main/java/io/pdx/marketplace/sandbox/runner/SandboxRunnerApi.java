package io.pdx.marketplace.sandbox.runner;

import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.runner.AnalysisRequest;
import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.RunSummary;
import io.pdx.contracts.tracing.RequestId;
import io.pdx.marketplace.observability.CurrentRequestId;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

import java.util.UUID;

/**
 * sandbox-runner's internal API as a REST client (used by {@link SandboxRunner} only), called with the shared secret. A refusal of the runner (its
 * problem+json with a reason code) becomes a {@link SandboxRefusal}; anything else is
 * {@link SandboxUnavailable}.
 */
@RegisterRestClient(configKey = "sandbox")
@Path("/internal/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{bearer}")
@ClientHeaderParam(name = RequestId.HEADER, value = "{requestId}")
interface SandboxRunnerApi {

    @POST
    @Path("/analysis")
    Uni<Analysis> analyse(AnalysisRequest request);

    @POST
    @Path("/jobs/{id}/run")
    Uni<RunSummary> run(@PathParam("id") UUID id, RunRequest request);

    @GET
    @Path("/jobs/{id}/summary")
    Uni<RunSummary> summary(@PathParam("id") UUID id);

    /** The request id of the work the call is made for (see {@link io.pdx.marketplace.observability.RequestIdFilter}). */
    default String requestId() {
        return CurrentRequestId.orFresh();
    }

    default String bearer() {
        return "Bearer " + ConfigProvider.getConfig().getOptionalValue("pdx.sandbox.secret", String.class).orElse("");
    }

    /**
     * The runner's own answer (it names whether the run read data) or a 4xx refusal becomes a {@link SandboxRefusal};
     * anything else (no runner behind the address, a 401) is {@link SandboxUnavailable}.
     */
    @ClientExceptionMapper
    static RuntimeException toProblem(Response response) {
        boolean runnersOwn = response.getHeaderString(SandboxRefusal.DATA_READ) != null;
        if (runnersOwn || response.getStatus() >= 400 && response.getStatus() < 500 && response.getStatus() != 401) {
            return SandboxRefusal.from(response);
        }
        return new SandboxUnavailable("sandbox-runner answered " + response.getStatus());
    }
}

package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.satisfaction.SatisfactionSummary;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public aggregate of 好差评 (好差评公开): counts per level and of cases, never a comment or a person. */
@Path("/api/v1/satisfaction")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "satisfaction")
public class SatisfactionResource {

    private final SatisfactionFigures figures;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;

    public SatisfactionResource(SatisfactionFigures figures, OperationGuard guard, CurrentSubject currentSubject) {
        this.figures = figures;
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    @GET
    @Path("/summary")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getSatisfactionSummary",
            summary = "Satisfaction summary / 好差评统计",
            description = "Ratings per level, overall and per kind of service event, and the cases open, answered on time, "
                    + "answered late and overdue now. Anonymous; aggregates only.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = "the aggregates / 统计",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SatisfactionSummary.class)))
    public Uni<SatisfactionSummary> summary() {
        return guard.require(currentSubject.get(), Operation.SATISFACTION_SUMMARY,
                        new AuthzInput.Resource("satisfaction", null, null, null, null))
                .flatMap(allowed -> figures.summary());
    }
}

package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.ObjectionAnswer;
import io.pdx.contracts.catalog.ObjectionView;
import io.pdx.marketplace.security.CurrentSubject;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A reviewer's answers to an objection (异议处理): propose to uphold it, confirm an uphold another reviewer proposed
 * (the registration returns to review), or dismiss it — each with a written answer. Objections are lodged and listed
 * under their registration ({@code /api/v1/datasets/{id}/objections}).
 */
@Path("/api/v1/objections")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registration")
@io.quarkus.security.Authenticated
public class ObjectionResource {

    private final Objections objections;
    private final CurrentSubject currentSubject;

    public ObjectionResource(Objections objections, CurrentSubject currentSubject) {
        this.objections = objections;
        this.currentSubject = currentSubject;
    }

    @POST
    @Path("/{id}/uphold")
    @Operation(operationId = "upholdObjection", summary = "Propose to uphold an objection / 拟支持异议",
            description = "OPEN → UPHOLD_PROPOSED, with the written answer; another reviewer confirms (four eyes).")
    public Uni<ObjectionView> uphold(@PathParam("id") UUID id, ObjectionAnswer answer) {
        return objections.answer(ObjectionTransition.UPHOLD, id, currentSubject.get(), answer == null ? null : answer.answer());
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(operationId = "confirmObjection", summary = "Confirm an upheld objection / 确认异议成立",
            description = "UPHOLD_PROPOSED → UPHELD by a reviewer other than the one who proposed it; the registration returns from publicity to review (SUBMITTED).")
    public Uni<ObjectionView> confirm(@PathParam("id") UUID id, ObjectionAnswer answer) {
        return objections.answer(ObjectionTransition.CONFIRM, id, currentSubject.get(), answer == null ? null : answer.answer());
    }

    @POST
    @Path("/{id}/dismiss")
    @Operation(operationId = "dismissObjection", summary = "Dismiss an objection / 驳回异议",
            description = "OPEN or UPHOLD_PROPOSED → DISMISSED, with the written answer.")
    public Uni<ObjectionView> dismiss(@PathParam("id") UUID id, ObjectionAnswer answer) {
        return objections.answer(ObjectionTransition.DISMISS, id, currentSubject.get(), answer == null ? null : answer.answer());
    }
}

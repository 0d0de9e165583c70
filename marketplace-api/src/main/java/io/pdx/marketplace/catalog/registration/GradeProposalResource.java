package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.GradeProposalRequest;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.GradeProposal;
import io.pdx.contracts.policy.GradingInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The grade the policy proposes for a draft (GB/T 43697-2024), with its reasons: the provider's draft form asks while
 * the columns are tagged, so that the proposal and its reasons come from the one place the rules live
 * ({@code data.pdx.grading.proposal}), never from the console. Nothing is stored; whoever may draft may ask.
 */
@Path("/api/v1/grade-proposals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registration")
@io.quarkus.security.Authenticated
public class GradeProposalResource {

    static final String PATH = "pdx/grading/proposal";

    private final PolicyClient policy;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;

    public GradeProposalResource(PolicyClient policy, OperationGuard guard, CurrentSubject currentSubject) {
        this.policy = policy;
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    @POST
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "proposeGrade", summary = "Propose a grade / 建议分级",
            description = "The grade the policy proposes for a draft of these columns, category and size, with the reasons (zh and en): IMPORTANT for sensitive values, identifiers at scale or an important category; GENERAL otherwise. CORE is never proposed. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "the proposal", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GradeProposal.class)))
    public Uni<GradeProposal> propose(GradeProposalRequest request) {
        Subject subject = currentSubject.get();
        FieldCheck check = new FieldCheck();
        if (request == null || request.columns() == null || request.columns().isEmpty()) {
            check.schema("columns", "at least one column");
        } else {
            if (request.columns().size() > GradeProposalRequest.MAX_COLUMNS) {
                check.schema("columns", "at most " + GradeProposalRequest.MAX_COLUMNS + " columns");
            }
            for (int i = 0; i < request.columns().size(); i++) {
                GradeProposalRequest.Column column = request.columns().get(i);
                if (column == null || column.tag() == null) {
                    check.schema("columns[" + i + "].tag", "is required");
                }
                check.text("columns[" + i + "].name", column == null ? null : column.name(), true, false, 128);
            }
        }
        if (request != null) {
            check.text("category", request.category(), false, false, 100);
            if (request.rowCount() != null && (request.rowCount() < 0 || request.rowCount() > 1e12 || request.rowCount().isNaN())) {
                check.schema("rowCount", "from 0 to 10^12");
            }
        }
        if (!check.valid()) {
            throw InvalidDraft.of("columns", check);
        }
        return guard.require(subject, Operation.DATASET_CREATE,
                        new AuthzInput.Resource("dataset", null, null, subject.department(), null))
                .flatMap(allowed -> policy.evaluate(PATH, new GradingInput(request.category(),
                        request.rowCount() == null ? 0 : request.rowCount().longValue(),
                        request.columns().stream().map(column -> new GradingInput.Column(column.name(), column.tag().name()))
                                .toList()), GradeProposal.class))
                .map(answer -> answer.result());
    }
}

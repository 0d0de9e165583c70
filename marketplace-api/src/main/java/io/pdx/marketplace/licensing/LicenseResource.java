package io.pdx.marketplace.licensing;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.pdx.contracts.licensing.LicenseApplication;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.licensing.LicenseView;
import io.pdx.contracts.licensing.ReviewNote;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.security.BureauRoles;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.pdx.contracts.Page;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.problem.EnumParameter;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.reference.PolicyReference;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Licensing (授权运营) over HTTP: the caller authorized to apply and the application's body checked, paging, views,
 * Location; what each request does is {@link Licensing}'s. One transaction per request; one transition table.
 */
@Path("/api/v1/licenses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "licenses")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class LicenseResource {

    private final Licensing licensing;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final PolicyReference reference;
    private final LicenseReader reader;

    public LicenseResource(Licensing licensing, OperationGuard guard, CurrentSubject currentSubject, PolicyReference reference,
                           LicenseReader reader) {
        this.licensing = licensing;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.reference = reference;
        this.reader = reader;
    }

    @POST
    @WithTransaction
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "applyForLicense", summary = "Apply for a license / 申请授权", description = "OPA decides AUTO_APPROVE (秒批), REVIEW or DENY with reasons; an unknown purpose or mode is a 400 naming the allowed values (GET /api/v1/reference lists them).")
    @APIResponse(responseCode = "201", description = "the license and its decision, with Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LicenseView.class)))
    @APIResponse(responseCode = "404", description = "No product productId, or one you may not see / 数据产品不存在")
    public Uni<Response> apply(LicenseApplication application) {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.LICENSE_APPLY, resource(null, subject.organization(), null))
                .flatMap(allowed -> reference.purposeCodes())
                .invoke(purposes -> {
                    FieldCheck check = LicenseApplicationValidator.check(application, purposes);
                    if (!check.valid()) {
                        throw new LicenseProblems.InvalidApplication(check);
                    }
                })
                .flatMap(valid -> licensing.apply(subject, application))
                .map(license -> Response.created(URI.create("/api/v1/licenses/" + license.id)).entity(license.toView()).build());
    }

    /** Licenses, newest first: an operator's own organization's, every one for the bureau; {@code state} narrows. */
    @GET
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listLicenses", summary = "List licenses / 授权列表", description = "Your organization's licenses, or every one for the bureau; newest first.")
    public Uni<Page<LicenseView>> list(@QueryParam("state") @Parameter(schema = @Schema(implementation = LicenseState.class)) String state,
                                       @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
                                       @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        LicenseState wanted = EnumParameter.parse("state", state, LicenseState.class);
        PageRequest paging = PageRequest.of(page, size);
        Subject subject = currentSubject.get();
        boolean own = subject.organization() != null && !BureauRoles.oversees(subject);
        Sort newest = Sort.by("createdAt").descending();
        return guard.require(subject, Operation.LICENSE_LIST, resource(null, subject.organization(), null))
                .flatMap(allowed -> paging.page(own
                        ? (wanted == null ? License.<License>find("organization", newest, subject.organization())
                        : License.<License>find("organization = ?1 and state = ?2", newest, subject.organization(), wanted))
                        : (wanted == null ? License.<License>findAll(newest) : License.<License>find("state", newest, wanted)),
                        License::toView));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getLicense", summary = "Read a license / 查看授权", description = "Another organization's license answers 404.")
    public Uni<LicenseView> get(@PathParam("id") UUID id) {
        return readable(id, currentSubject.get()).map(License::toView);
    }

    @GET
    @Path("/{id}/contract")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getLicenseContract", summary = "The agreement text / 授权运营协议", description = "The generated agreement (text), whose SHA-256 the license records.")
    public Uni<String> contract(@PathParam("id") UUID id) {
        return readable(id, currentSubject.get()).map(license -> license.contractText)
                .onItem().ifNull().failWith(() -> new LicenseProblems.LicenseNotFound(id));
    }

    /**
     * A reviewer's approval: while more reviewers are required it is recorded and the license stays IN_REVIEW;
     * the last one approves it and the agreement is generated. The same reviewer cannot approve twice.
     */
    @POST
    @Path("/{id}/approve")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "approveLicense", summary = "Approve / 审批通过", description = "A reviewer approves; where two are required the second, different reviewer approves it.")
    public Uni<LicenseView> approve(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return licensing.approve(subject, id).map(License::toView);
    }

    @POST
    @Path("/{id}/reject")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "rejectLicense", summary = "Reject / 驳回", description = "A reviewer rejects with a reason.")
    public Uni<LicenseView> reject(@PathParam("id") UUID id, ReviewNote note) {
        Subject subject = currentSubject.get();
        FieldCheck check = new FieldCheck();
        if (note == null || note.reason() == null) {
            check.schema("reason", "a rejection states its reason, at most 1000 characters");
        } else {
            check.text("reason", note.reason(), true, false, ReviewNote.MAX_REASON);
        }
        if (!check.valid()) {
            throw new LicenseProblems.InvalidApplication(check);
        }
        return licensing.reject(subject, id, note.reason()).map(License::toView);
    }

    /** The operator accepts the agreement of an APPROVED license: it becomes ACTIVE. */
    @POST
    @Path("/{id}/accept")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "acceptLicense", summary = "Accept the agreement / 接受协议", description = "The operator accepts the agreement: APPROVED → ACTIVE.")
    public Uni<LicenseView> accept(@PathParam("id") UUID id) {
        return run(id, LicenseTransition.ACCEPT);
    }

    @POST
    @Path("/{id}/suspend")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "suspendLicense", summary = "Suspend / 暂停授权", description = "ACTIVE → SUSPENDED (bureau).")
    public Uni<LicenseView> suspend(@PathParam("id") UUID id) {
        return run(id, LicenseTransition.SUSPEND);
    }

    /** The bureau resumes a SUSPENDED license (an operator's accept cannot). */
    @POST
    @Path("/{id}/resume")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "resumeLicense", summary = "Resume / 恢复授权", description = "SUSPENDED → ACTIVE (bureau).")
    public Uni<LicenseView> resume(@PathParam("id") UUID id) {
        return run(id, LicenseTransition.RESUME);
    }

    @POST
    @Path("/{id}/revoke")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "revokeLicense", summary = "Revoke / 撤销授权", description = "ACTIVE or SUSPENDED → REVOKED (bureau), for good.")
    public Uni<LicenseView> revoke(@PathParam("id") UUID id) {
        return run(id, LicenseTransition.REVOKE);
    }

    private Uni<LicenseView> run(UUID id, LicenseTransition transition) {
        Subject subject = currentSubject.get();
        return licensing.take(subject, id, transition).map(License::toView);
    }

    /** The license if the caller may read it; another organization's answers 404, not 403. */
    private Uni<License> readable(UUID id, Subject subject) {
        return reader.readable(id, subject);
    }


    private static AuthzInput.Resource resource(License license, String organization, String createdBy) {
        return new AuthzInput.Resource("license", license == null ? null : license.id.toString(), organization, null, createdBy);
    }
}

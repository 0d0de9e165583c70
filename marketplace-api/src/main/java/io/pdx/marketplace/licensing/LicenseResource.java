package io.pdx.marketplace.licensing;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.pdx.contracts.licensing.LicenseApplication;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.licensing.LicenseView;
import io.pdx.contracts.licensing.ReviewNote;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.LicenseInput;
import io.pdx.contracts.policy.LicenseOutcome;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.organization.Organization;
import io.pdx.marketplace.product.Product;
import io.pdx.marketplace.observability.LicenseApplicationCounter;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationDenied;
import io.pdx.marketplace.security.OperationGuard;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Licensing (授权运营): an operator applies, OPA decides AUTO_APPROVE (秒批) / REVIEW / DENY with
 * reasons, reviewers approve (two different ones where the grade asks for it) or reject, the
 * approval generates the agreement, the operator accepts it and the license is ACTIVE; the
 * bureau suspends, resumes and revokes. One transaction per request; one transition table.
 */
@Path("/api/v1/licenses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "licenses")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class LicenseResource {

    static final String POLICY = "pdx/license";

    private final PolicyClient policy;
    private final OperationGuard guard;
    private final CatalogPolicy catalog;
    private final CurrentSubject currentSubject;
    private final TransitionKernel transitions;
    private final PolicyReference reference;
    private final LicenseReader reader;
    private final LicenseApplicationCounter applications;

    public LicenseResource(PolicyClient policy, OperationGuard guard, CatalogPolicy catalog, CurrentSubject currentSubject,
                           TransitionKernel transitions, PolicyReference reference, LicenseReader reader,
                           LicenseApplicationCounter applications) {
        this.applications = applications;
        this.reference = reference;
        this.reader = reader;
        this.policy = policy;
        this.guard = guard;
        this.catalog = catalog;
        this.currentSubject = currentSubject;
        this.transitions = transitions;
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
                .flatMap(allowed -> Product.<Product>findById(application.productId()))
                .onItem().ifNull().failWith(() -> new LicenseProblems.ProductNotFound(application.productId()))
                .flatMap(product -> catalog.visibleDataset(product.datasetId, subject)
                        .onFailure().transform(hidden -> new LicenseProblems.ProductNotFound(application.productId()))
                        .flatMap(dataset -> Organization.<Organization>findById(subject.organization())
                                .flatMap(organization -> License.<License>list("organization = ?1 and productId = ?2",
                                                subject.organization(), product.id)
                                        .flatMap(earlier -> decide(subject, application, product, dataset, organization,
                                                earlier)))));
    }

    /** {@code earlier}: the organization's licenses on the product so far (one the bureau suspended or revoked sends it to review). */
    private Uni<Response> decide(Subject subject, LicenseApplication application, Product product, Dataset dataset,
                                 Organization organization, List<License> earlier) {
        LicenseInput input = new LicenseInput(subject,
                new LicenseInput.Organization(subject.organization(), organization != null
                        && organization.state() == io.pdx.contracts.organization.OrganizationStatus.VERIFIED),
                new LicenseInput.Product(product.id.toString(), dataset.id.toString(), dataset.grade.name(),
                        product.modes.modes().stream().map(Enum::name).toList(),
                        dataset.schema.columns().stream()
                                .map(column -> new LicenseInput.Column(column.name(), column.tag().name())).toList()),
                new LicenseInput.Application(application.purposeCategory(), application.purposeText(),
                        application.columns(), application.mode(), application.termStart().toString(),
                        application.termEnd().toString(), application.expectedVolume()),
                earlier.stream().map(license -> new LicenseInput.EarlierLicense(license.id.toString(), license.state().name()))
                        .toList());
        return policy.evaluate(POLICY, input, LicenseVerdict.class).flatMap(answer -> {
            License license = new License();
            license.id = UUID.randomUUID();
            license.organization = subject.organization();
            license.productId = product.id;
            license.datasetId = dataset.id;
            license.applicant = subject.user();
            license.purposeCategory = application.purposeCategory();
            license.purposeText = application.purposeText().strip();
            license.columns = new License.Columns(List.copyOf(application.columns()));
            license.mode = io.pdx.contracts.product.LicenseMode.valueOf(application.mode());
            license.termStart = application.termStart();
            license.termEnd = application.termEnd();
            license.expectedVolume = application.expectedVolume();
            license.decisionOutcome = answer.result().decision().outcome();
            license.decisionReasons = new License.Reasons(answer.result().decision().reasons());
            license.decisionId = answer.decisionId();
            license.reviewersRequired = Math.max(1, answer.result().reviewersRequired());
            LicenseTransition outcome = switch (LicenseOutcome.of(license.decisionOutcome)) {
                case AUTO_APPROVE -> LicenseTransition.AUTO_APPROVE;
                case REVIEW -> LicenseTransition.SEND_TO_REVIEW;
                case DENY -> LicenseTransition.DENY;
            };
            if (outcome == LicenseTransition.AUTO_APPROVE) {
                writeAgreement(license, organization, product, dataset);
            }
            return license.<License>persist().flatMap(created -> transitions.runAsPlatform(outcome, subject.user(),
                    created.decisionId, created, Change.none()))
                    .invoke(decided -> applications.decided(LicenseOutcome.of(decided.decisionOutcome), dataset.grade));
        }).map(license -> Response.created(URI.create("/api/v1/licenses/" + license.id)).entity(license.toView()).build());
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
        boolean own = subject.organization() != null && !isBureau(subject);
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
        return Panache.withTransaction(() -> found(id).flatMap(license -> {
            boolean last = license.approvedBy.reviewers().size() + 1 >= license.reviewersRequired;
            // the agreement is written once the approval is authorized, and only by the last one
            return transitions.run(last ? LicenseTransition.APPROVE : LicenseTransition.RECORD_APPROVAL, subject,
                    () -> Uni.createFrom().item(license), Change.<License>prepared(
                            approved -> last ? writeAgreement(approved) : Uni.createFrom().voidItem(),
                            approved -> {
                                List<String> reviewers = new ArrayList<>(approved.approvedBy.reviewers());
                                reviewers.add(subject.user());
                                approved.approvedBy = new License.Reviewers(reviewers);
                            }).checkedBy(asked -> {
                                if (asked.approvedBy.reviewers().contains(subject.user())) {
                                    throw new LicenseProblems.AlreadyApproved(subject.user());
                                }
                            }));
        })).map(License::toView);
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
        return transitions.run(LicenseTransition.REJECT, subject, () -> found(id),
                Change.<License>with(license -> license.rejectReason = note.reason().strip())).map(License::toView);
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
        return transitions.run(transition, subject, () -> found(id), Change.none()).map(License::toView);
    }

    /** The license, for a transition (whose one question to OPA answers 404 for what the caller may not see). */
    private static Uni<License> found(UUID id) {
        return License.<License>findById(id).onItem().ifNull().failWith(() -> new LicenseProblems.LicenseNotFound(id));
    }

    /** The license if the caller may read it; another organization's answers 404, not 403. */
    private Uni<License> readable(UUID id, Subject subject) {
        return reader.readable(id, subject);
    }

    /** The agreement of a license whose last approval was just authorized, from its product, dataset and organization. */
    private static Uni<Void> writeAgreement(License license) {
        return Product.<Product>findById(license.productId).flatMap(product -> Dataset.<Dataset>findById(license.datasetId)
                        .flatMap(dataset -> Organization.<Organization>findById(license.organization)
                                .invoke(organization -> writeAgreement(license, organization, product, dataset))))
                .replaceWithVoid();
    }

    /** The agreement (授权运营协议) of a license about to be approved, with its SHA-256. */
    private static void writeAgreement(License license, Organization organization, Product product, Dataset dataset) {
        license.contractText = AgreementText.of(license, organization, product, dataset);
        license.contractSha256 = AgreementText.sha256(license.contractText);
    }

    private static boolean isBureau(Subject subject) {
        return subject.roles().contains("bureau-reviewer") || subject.roles().contains("bureau-admin");
    }

    private static AuthzInput.Resource resource(License license, String organization, String createdBy) {
        return new AuthzInput.Resource("license", license == null ? null : license.id.toString(), organization, null, createdBy);
    }
}

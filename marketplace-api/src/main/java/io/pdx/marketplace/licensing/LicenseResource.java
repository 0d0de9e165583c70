package io.pdx.marketplace.licensing;

import io.pdx.contracts.licensing.LicenseApplication;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.licensing.LicenseView;
import io.pdx.contracts.licensing.ReviewNote;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.LicenseInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.organization.Organization;
import io.pdx.marketplace.problem.IllegalTransition;
import io.pdx.marketplace.product.Product;
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

import java.net.URI;
import java.time.OffsetDateTime;
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
public class LicenseResource {

    static final String POLICY = "pdx/license";

    private final PolicyClient policy;
    private final OperationGuard guard;
    private final CatalogPolicy catalog;
    private final CurrentSubject currentSubject;
    private final AuditLog audit;

    public LicenseResource(PolicyClient policy, OperationGuard guard, CatalogPolicy catalog, CurrentSubject currentSubject,
                           AuditLog audit) {
        this.policy = policy;
        this.guard = guard;
        this.catalog = catalog;
        this.currentSubject = currentSubject;
        this.audit = audit;
    }

    @POST
    @WithTransaction
    public Uni<Response> apply(LicenseApplication application) {
        Subject subject = currentSubject.get();
        List<FieldError> errors = LicenseApplicationValidator.errors(application);
        return guard.require(subject, "license.apply", resource(null, subject.organization(), null))
                .invoke(allowed -> {
                    if (!errors.isEmpty()) {
                        throw new LicenseProblems.InvalidApplication(errors);
                    }
                })
                .flatMap(allowed -> Product.<Product>findById(application.productId()))
                .onItem().ifNull().failWith(() -> new LicenseProblems.ProductNotFound(application.productId()))
                .flatMap(product -> catalog.visibleDataset(product.datasetId, subject)
                        .onFailure().transform(hidden -> new LicenseProblems.ProductNotFound(application.productId()))
                        .flatMap(dataset -> Organization.<Organization>findById(subject.organization())
                                .flatMap(organization -> decide(subject, application, product, dataset, organization))));
    }

    private Uni<Response> decide(Subject subject, LicenseApplication application, Product product, Dataset dataset,
                                 Organization organization) {
        LicenseInput input = new LicenseInput(subject,
                new LicenseInput.Organization(subject.organization(), organization != null
                        && organization.status == io.pdx.contracts.organization.OrganizationStatus.VERIFIED),
                new LicenseInput.Product(product.id.toString(), dataset.id.toString(), dataset.grade.name(),
                        product.modes.modes().stream().map(Enum::name).toList(),
                        dataset.schema.columns().stream()
                                .map(column -> new LicenseInput.Column(column.name(), column.tag().name())).toList()),
                new LicenseInput.Application(application.purposeCategory(), application.purposeText(),
                        application.columns(), application.mode(), application.termStart().toString(),
                        application.termEnd().toString(), application.expectedVolume()));
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
            license.mode = application.mode();
            license.termStart = application.termStart();
            license.termEnd = application.termEnd();
            license.expectedVolume = application.expectedVolume();
            license.decisionOutcome = answer.result().decision().outcome();
            license.decisionReasons = new License.Reasons(answer.result().decision().reasons());
            license.decisionId = answer.decisionId();
            license.reviewersRequired = Math.max(1, answer.result().reviewersRequired());
            switch (license.decisionOutcome) {
                case "AUTO_APPROVE" -> approve(license, organization, product, dataset);
                case "REVIEW" -> license.moveTo(LicenseState.IN_REVIEW);
                default -> license.moveTo(LicenseState.DENIED);
            }
            return license.<License>persist();
        }).call(license -> audited(subject, "license.apply", license))
                .map(license -> Response.created(URI.create("/api/v1/licenses/" + license.id)).entity(license.toView()).build());
    }

    @GET
    @WithSession
    public Uni<List<LicenseView>> list() {
        Subject subject = currentSubject.get();
        return guard.require(subject, "license.list", resource(null, subject.organization(), null))
                .flatMap(allowed -> subject.organization() != null && !isBureau(subject)
                        ? License.<License>list("organization", Sort.by("createdAt").descending(), subject.organization())
                        : License.<License>listAll(Sort.by("createdAt").descending()))
                .map(licenses -> licenses.stream().map(License::toView).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<LicenseView> get(@PathParam("id") UUID id) {
        return readable(id, currentSubject.get()).map(License::toView);
    }

    @GET
    @Path("/{id}/contract")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @WithSession
    public Uni<String> contract(@PathParam("id") UUID id) {
        return readable(id, currentSubject.get()).map(license -> license.contractText)
                .onItem().ifNull().failWith(() -> new LicenseProblems.LicenseNotFound(id));
    }

    @POST
    @Path("/{id}/approve")
    @WithTransaction
    public Uni<LicenseView> approve(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return readable(id, subject)
                .call(license -> guard.require(subject, "license.approve", resource(license, license.organization, license.applicant)))
                .call(license -> {
                    if (license.state != LicenseState.IN_REVIEW) {
                        throw new IllegalTransition("License", license.id, license.state, LicenseState.APPROVED);
                    }
                    if (license.approvedBy.reviewers().contains(subject.user())) {
                        throw new LicenseProblems.AlreadyApproved(subject.user());
                    }
                    List<String> reviewers = new ArrayList<>(license.approvedBy.reviewers());
                    reviewers.add(subject.user());
                    license.approvedBy = new License.Reviewers(reviewers);
                    if (reviewers.size() < license.reviewersRequired) {
                        return Uni.createFrom().voidItem();
                    }
                    return Product.<Product>findById(license.productId).flatMap(product -> Dataset.<Dataset>findById(license.datasetId)
                            .flatMap(dataset -> Organization.<Organization>findById(license.organization)
                                    .invoke(organization -> approve(license, organization, product, dataset))))
                            .replaceWithVoid();
                })
                .call(Panache::flush)
                .call(license -> audited(subject, "license.approve", license))
                .map(License::toView);
    }

    @POST
    @Path("/{id}/reject")
    @WithTransaction
    public Uni<LicenseView> reject(@PathParam("id") UUID id, ReviewNote note) {
        Subject subject = currentSubject.get();
        return readable(id, subject)
                .call(license -> guard.require(subject, "license.reject", resource(license, license.organization, license.applicant)))
                .invoke(license -> {
                    if (note == null || note.reason() == null || note.reason().isBlank() || note.reason().length() > 1000) {
                        throw new LicenseProblems.InvalidApplication(List.of(new FieldError("reason",
                                "a rejection states its reason, at most 1000 characters")));
                    }
                    license.moveTo(LicenseState.REJECTED);
                    license.rejectedBy = subject.user();
                    license.rejectReason = note.reason().strip();
                })
                .call(Panache::flush)
                .call(license -> audited(subject, "license.reject", license))
                .map(License::toView);
    }

    @POST
    @Path("/{id}/accept")
    @WithTransaction
    public Uni<LicenseView> accept(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return transition(id, subject, "license.accept", LicenseState.ACTIVE).invoke(license -> {
            license.acceptedBy = subject.user();
            license.acceptedAt = OffsetDateTime.now();
        }).call(Panache::flush).map(License::toView);
    }

    @POST
    @Path("/{id}/suspend")
    @WithTransaction
    public Uni<LicenseView> suspend(@PathParam("id") UUID id) {
        return transition(id, currentSubject.get(), "license.suspend", LicenseState.SUSPENDED)
                .call(Panache::flush).map(License::toView);
    }

    @POST
    @Path("/{id}/resume")
    @WithTransaction
    public Uni<LicenseView> resume(@PathParam("id") UUID id) {
        return transition(id, currentSubject.get(), "license.resume", LicenseState.ACTIVE)
                .call(Panache::flush).map(License::toView);
    }

    @POST
    @Path("/{id}/revoke")
    @WithTransaction
    public Uni<LicenseView> revoke(@PathParam("id") UUID id) {
        return transition(id, currentSubject.get(), "license.revoke", LicenseState.REVOKED)
                .call(Panache::flush).map(License::toView);
    }

    private Uni<License> transition(UUID id, Subject subject, String operation, LicenseState to) {
        return readable(id, subject)
                .call(license -> guard.require(subject, operation, resource(license, license.organization, license.applicant)))
                .invoke(license -> license.moveTo(to))
                .call(license -> audited(subject, operation, license));
    }

    private Uni<?> audited(Subject subject, String action, License license) {
        return audit.record(subject.user(), action, "license", license.id, license.organization, license.decisionId,
                java.util.Map.of("state", license.state.name(), "outcome", String.valueOf(license.decisionOutcome),
                        "productId", String.valueOf(license.productId)));
    }

    /** The license if the caller may read it; another organization's answers 404, not 403. */
    private Uni<License> readable(UUID id, Subject subject) {
        return License.<License>findById(id)
                .onItem().ifNull().failWith(() -> new LicenseProblems.LicenseNotFound(id))
                .call(license -> guard.require(subject, "license.read", resource(license, license.organization, null))
                        .onFailure(OperationDenied.class).transform(denied -> subject.authenticated()
                                ? new LicenseProblems.LicenseNotFound(id) : denied));
    }

    private static void approve(License license, Organization organization, Product product, Dataset dataset) {
        license.contractText = AgreementText.of(license, organization, product, dataset);
        license.contractSha256 = AgreementText.sha256(license.contractText);
        license.moveTo(LicenseState.APPROVED);
    }

    private static boolean isBureau(Subject subject) {
        return subject.roles().contains("bureau-reviewer") || subject.roles().contains("bureau-admin");
    }

    private static AuthzInput.Resource resource(License license, String organization, String createdBy) {
        return new AuthzInput.Resource("license", license == null ? null : license.id.toString(), organization, null, createdBy);
    }
}

package io.pdx.marketplace.licensing;

import io.pdx.contracts.licensing.LicenseApplication;
import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.contracts.policy.LicenseInput;
import io.pdx.contracts.policy.LicenseOutcome;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.pdx.marketplace.observability.LicenseApplicationCounter;
import io.pdx.marketplace.organization.Organization;
import io.pdx.marketplace.product.Product;
import io.pdx.policy.client.PolicyAnswer;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Licensing (授权运营): an application OPA decides AUTO_APPROVE (秒批) / REVIEW / DENY with reasons (the outcome is the
 * platform's transition, the agreement written for an auto-approval); reviewers approve (two different ones where the
 * grade asks for it) or reject, the last approval writing the agreement once it is authorized; the operator accepts
 * it and the license is ACTIVE; the bureau suspends, resumes and revokes. Every state change goes through the
 * {@link TransitionKernel}; the caller's transaction or one of the kernel's own.
 */
@ApplicationScoped
public class Licensing {

    static final String POLICY = "pdx/license";

    private final PolicyClient policy;
    private final CatalogPolicy catalog;
    private final TransitionKernel transitions;
    private final LicenseApplicationCounter applications;

    public Licensing(PolicyClient policy, CatalogPolicy catalog, TransitionKernel transitions,
                     LicenseApplicationCounter applications) {
        this.policy = policy;
        this.catalog = catalog;
        this.transitions = transitions;
        this.applications = applications;
    }

    /**
     * A valid application of an authorized caller, in the caller's transaction: the product (404 when the caller may not
     * see its dataset), OPA's decision, the license created and moved to its outcome.
     */
    public Uni<License> apply(Subject subject, LicenseApplication application) {
        return Product.<Product>findById(application.productId())
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
    private Uni<License> decide(Subject subject, LicenseApplication application, Product product, Dataset dataset,
                                Organization organization, List<License> earlier) {
        return policy.evaluate(POLICY, input(subject, application, product, dataset, organization, earlier), LicenseVerdict.class)
                .flatMap(answer -> {
                    License license = license(subject, application, product, dataset, answer);
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
                });
    }

    private static LicenseInput input(Subject subject, LicenseApplication application, Product product, Dataset dataset,
                                      Organization organization, List<License> earlier) {
        return new LicenseInput(subject,
                new LicenseInput.Organization(subject.organization(), organization != null
                        && organization.state() == OrganizationStatus.VERIFIED),
                new LicenseInput.Product(product.id.toString(), dataset.id.toString(), dataset.grade.name(),
                        product.modes.modes().stream().map(Enum::name).toList(),
                        dataset.schema.columns().stream()
                                .map(column -> new LicenseInput.Column(column.name(), column.tag().name())).toList(),
                        product.consentForPolicy(), product.state().name()),
                new LicenseInput.Application(application.purposeCategory(), application.purposeText(),
                        application.columns(), application.mode(), application.termStart().toString(),
                        application.termEnd().toString(), application.expectedVolume()),
                earlier.stream().map(license -> new LicenseInput.EarlierLicense(license.id.toString(), license.state().name()))
                        .toList());
    }

    /** The license an application asks for, with OPA's decision. */
    private static License license(Subject subject, LicenseApplication application, Product product, Dataset dataset,
                                   PolicyAnswer<LicenseVerdict> answer) {
        License license = new License();
        license.id = UUID.randomUUID();
        license.organization = subject.organization();
        license.productId = product.id;
        license.datasetId = dataset.id;
        license.applicant = subject.user();
        license.purposeCategory = application.purposeCategory();
        license.purposeText = application.purposeText().strip();
        license.columns = new License.Columns(List.copyOf(application.columns()));
        license.mode = LicenseMode.valueOf(application.mode());
        license.termStart = application.termStart();
        license.termEnd = application.termEnd();
        license.expectedVolume = application.expectedVolume();
        license.decisionOutcome = answer.result().decision().outcome();
        license.decisionReasons = new License.Reasons(answer.result().decision().reasons());
        license.decisionId = answer.decisionId();
        license.reviewersRequired = Math.max(1, answer.result().reviewersRequired());
        return license;
    }

    /**
     * A reviewer's approval: while more reviewers are required it is recorded and the license stays IN_REVIEW;
     * the last one approves it and the agreement is generated. The same reviewer cannot approve twice.
     */
    public Uni<License> approve(Subject subject, UUID id) {
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
        }));
    }

    /** A reviewer rejects, with a reason (already checked). */
    public Uni<License> reject(Subject subject, UUID id, String reason) {
        return transitions.run(LicenseTransition.REJECT, subject, () -> found(id),
                Change.<License>with(license -> license.rejectReason = reason.strip()));
    }

    /** A caller's transition that changes nothing but the state: accept, suspend, resume, revoke. */
    public Uni<License> take(Subject subject, UUID id, LicenseTransition transition) {
        return transitions.run(transition, subject, () -> found(id), Change.none());
    }

    /** The agreement of a license whose last approval was just authorized, from its product, dataset and organization. */
    private static Uni<Void> writeAgreement(License license) {
        return Product.<Product>findById(license.productId).flatMap(product -> Dataset.<Dataset>findById(license.datasetId)
                        .flatMap(dataset -> Organization.<Organization>findById(license.organization)
                                .invoke(organization -> writeAgreement(license, organization, product, dataset))))
                .replaceWithVoid();
    }

    /** The license, for a transition (whose one question to OPA answers 404 for what the caller may not see). */
    private static Uni<License> found(UUID id) {
        return License.<License>findById(id).onItem().ifNull().failWith(() -> new LicenseProblems.LicenseNotFound(id));
    }

    /** The agreement (授权运营协议) of a license about to be approved, with its SHA-256. */
    private static void writeAgreement(License license, Organization organization, Product product, Dataset dataset) {
        license.contractText = AgreementText.of(license, organization, product, dataset);
        license.contractSha256 = AgreementText.sha256(license.contractText);
    }
}

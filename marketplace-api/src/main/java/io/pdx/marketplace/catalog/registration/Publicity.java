package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.catalog.RegistrationType;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.catalog.CertificateNumbers;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.certificate.CertificateIssuer;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Publicity (公示) and what ends it. Accepting a submission opens its window (days from the policy data, read at that
 * moment, on the platform's clock); a registration concludes only once the window has ended with no objection pending
 * — by a reviewer ({@link RegistrationTransition#REGISTER}) or by the platform ({@link RegistrationTransition#CONCLUDE});
 * either way in one transaction it gets its code and its signed certificate, and the version registered before it is
 * superseded, or, for a cancellation, cancelled together with the cancellation itself.
 */
@ApplicationScoped
public class Publicity {

    public static final String PLATFORM = "platform:publicity";

    private final TransitionKernel transitions;
    private final PolicyClient policy;
    private final CertificateIssuer certificates;
    private final Clock clock;

    public Publicity(TransitionKernel transitions, PolicyClient policy, CertificateIssuer certificates, Clock clock) {
        this.transitions = transitions;
        this.policy = policy;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** The formal review's acceptance: the window opens now and lasts the policy's publicity days. */
    public Uni<Dataset> accept(Subject subject, Supplier<Uni<Dataset>> load) {
        return policy.evaluate(RegistrationRules.PATH, Map.of(), RegistrationRules.class)
                .map(answer -> answer.result().publicity())
                .flatMap(window -> transitions.run(RegistrationTransition.ACCEPT, subject, load, Change.<Dataset>with(dataset -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    dataset.publicityStartedAt = now;
                    dataset.publicityEndsAt = now.plus(window);
                    dataset.returnReasons = new Dataset.ReturnReasons(java.util.List.of());
                })));
    }

    /** A reviewer registers a version whose publicity has ended without a pending objection. */
    public Uni<Dataset> register(Subject subject, Supplier<Uni<Dataset>> load) {
        // one transaction: registered exactly when certified and the version before it superseded or cancelled
        return io.quarkus.hibernate.reactive.panache.Panache.withTransaction(() -> transitions.run(
                        RegistrationTransition.REGISTER, subject, load, concluding())
                .call(dataset -> completed(dataset, subject.user())));
    }

    /** The platform concludes a version whose publicity has ended without a pending objection (in a transaction). */
    public Uni<Dataset> conclude(Dataset dataset) {
        return transitions.runAsPlatform(RegistrationTransition.CONCLUDE, PLATFORM, null, dataset, concluding())
                .call(concluded -> completed(concluded, PLATFORM));
    }

    /**
     * The platform registers a version at once, its publicity window empty (the demo loader's own datasets, which
     * nobody else holds): submitted, accepted and concluded as three audited platform steps.
     */
    public Uni<Dataset> registerAtOnce(Dataset draft, String submitter, String actor) {
        return transitions.runAsPlatform(RegistrationTransition.SUBMIT, submitter, null, draft, Change.none())
                .flatMap(submitted -> transitions.runAsPlatform(RegistrationTransition.ACCEPT, actor, null, submitted,
                        Change.<Dataset>with(dataset -> {
                            dataset.publicityStartedAt = OffsetDateTime.now(clock);
                            dataset.publicityEndsAt = dataset.publicityStartedAt;
                        })))
                .flatMap(accepted -> transitions.runAsPlatform(RegistrationTransition.CONCLUDE, actor, null, accepted, concluding())
                        .call(concluded -> completed(concluded, actor)));
    }

    /** The move's preparation: the window over, no objection pending, then the code drawn (a registered row has one). */
    private Change<Dataset> concluding() {
        return Change.prepared(dataset -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (dataset.publicityEndsAt != null && now.isBefore(dataset.publicityEndsAt)) {
                throw RegistrationConflict.publicityOpen(dataset.publicityEndsAt);
            }
            return RegistrationObjection.count("datasetId = ?1 and status in ?2", dataset.id,
                            io.pdx.contracts.catalog.ObjectionStatus.pendingStates())
                    .flatMap(pending -> {
                        if (pending > 0) {
                            throw RegistrationConflict.objectionsPending(pending);
                        }
                        return CertificateNumbers.next(dataset.spatialCoverage, clock)
                                .invoke(number -> dataset.certificateNo = number);
                    });
        }, dataset -> { });
    }

    /** After the move: the certificate, then the lineage's earlier registration superseded or cancelled. */
    private Uni<Void> completed(Dataset dataset, String actor) {
        boolean cancellation = dataset.registrationType == RegistrationType.CANCELLATION;
        RegistrationTransition ending = cancellation ? RegistrationTransition.CANCEL : RegistrationTransition.SUPERSEDE;
        return certificates.issue(dataset)
                .flatMap(issued -> Dataset.<Dataset>list("lineageId = ?1 and status = ?2 and id <> ?3",
                        dataset.lineageId, RegistrationStatus.REGISTERED, dataset.id))
                .flatMap(previous -> Multi.createFrom().iterable(previous)
                        .onItem().transformToUniAndConcatenate(old -> transitions.runAsPlatform(ending, actor, null, old, Change.none()))
                        .collect().asList())
                .flatMap(ended -> cancellation
                        ? transitions.runAsPlatform(RegistrationTransition.CANCEL, actor, null, dataset, Change.none()).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }
}

package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.Grade;
import io.pdx.contracts.Page;
import io.pdx.contracts.catalog.ObjectionRequest;
import io.pdx.contracts.catalog.ObjectionView;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.DatasetNotFound;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Objections (异议) to registrations in publicity: anyone signed in lodges one, with reasons, before the window ends
 * and once per registration; the holding department and the bureau read all of them, anyone else only their own.
 * A reviewer proposes to uphold one and another confirms, which sends the registration back to review; or a reviewer
 * dismisses it. Every answer is written; every step audited.
 */
@ApplicationScoped
public class Objections {

    private final CatalogPolicy catalog;
    private final OperationGuard guard;
    private final TransitionKernel transitions;
    private final AuditLog audit;
    private final Clock clock;

    public Objections(CatalogPolicy catalog, OperationGuard guard, TransitionKernel transitions, AuditLog audit, Clock clock) {
        this.catalog = catalog;
        this.guard = guard;
        this.transitions = transitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A registration the caller may object to: in publicity, of a grade it may see, never core data (whose registration is not public). */
    Uni<Dataset> objectable(UUID id, Subject subject) {
        return Dataset.<Dataset>findById(id).flatMap(dataset -> catalog.viewFor(subject).flatMap(view -> {
            if (dataset != null && dataset.state() == RegistrationStatus.PUBLICITY && dataset.grade != Grade.CORE
                    && view.showsGrade(dataset, subject)) {
                return Uni.createFrom().item(dataset);
            }
            return catalog.visibleDataset(id, subject); // the catalog's 404 for what the caller may not see
        }));
    }

    Uni<ObjectionView> lodge(UUID datasetId, Subject subject, ObjectionRequest request) {
        FieldCheck check = new FieldCheck();
        check.text("reasons", request == null ? null : request.reasons(), true, false, ObjectionRequest.MAX_REASONS);
        return objectable(datasetId, subject)
                .call(dataset -> guard.require(subject, Operation.OBJECTION_LODGE,
                        new AuthzInput.Resource("objection", null, null, dataset.provider, subject.user())))
                .flatMap(dataset -> {
                    if (!check.valid()) {
                        throw InvalidDraft.of("objection", check);
                    }
                    if (dataset.state() != RegistrationStatus.PUBLICITY) {
                        throw RegistrationConflict.notInPublicity(dataset.state());
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    if (!now.isBefore(dataset.publicityEndsAt)) {
                        throw RegistrationConflict.objectionWindowClosed(dataset.publicityEndsAt);
                    }
                    return RegistrationObjection.count("datasetId = ?1 and lodgedBy = ?2", datasetId, subject.user())
                            .flatMap(earlier -> {
                                if (earlier > 0) {
                                    throw RegistrationConflict.objectionExists();
                                }
                                RegistrationObjection objection = new RegistrationObjection();
                                objection.id = UUID.randomUUID();
                                objection.datasetId = datasetId;
                                objection.reasons = request.reasons().trim();
                                objection.lodgedBy = subject.user();
                                objection.organization = subject.organization();
                                objection.department = dataset.provider;
                                objection.createdAt = now;
                                return objection.<RegistrationObjection>persist();
                            });
                })
                .call(objection -> audit.record(subject.user(), "objection.lodge", objection.auditType(), objection.auditId(),
                        objection.auditOrganization(), null, objection.auditDetail()))
                .map(objection -> objection.toView(List.of()));
    }

    /** The objections the caller may read: all of them for the holder and the bureau, its own for anyone else. */
    Uni<Page<ObjectionView>> list(UUID datasetId, Subject subject) {
        return objectable(datasetId, subject)
                .call(dataset -> guard.require(subject, Operation.OBJECTION_LIST,
                        new AuthzInput.Resource("objection", null, null, dataset.provider, null)))
                .flatMap(dataset -> guard.decide(subject, Operation.OBJECTION_READ.policyName(),
                                new AuthzInput.Resource("objection", null, null, dataset.provider, null))
                        .flatMap(decision -> decision.result().allow()
                                ? RegistrationObjection.<RegistrationObjection>list("datasetId", Sort.by("createdAt").and("id"), datasetId)
                                : RegistrationObjection.<RegistrationObjection>list("datasetId = ?1 and lodgedBy = ?2",
                                        Sort.by("createdAt").and("id"), datasetId, subject.user())))
                .map(objections -> new Page<>(objections.stream().map(objection -> objection.toView(List.of())).toList(),
                        objections.size(), 0, Math.max(1, objections.size())));
    }

    /** A reviewer's answer: uphold (proposed), confirm (the registration returns to review) or dismiss. */
    Uni<ObjectionView> answer(ObjectionTransition transition, UUID id, Subject subject, String answer) {
        FieldCheck check = new FieldCheck();
        check.text("answer", answer, true, false, io.pdx.contracts.catalog.ObjectionAnswer.MAX_ANSWER);
        if (!check.valid()) {
            throw InvalidDraft.of("answer", check);
        }
        // one transaction: an uphold is confirmed exactly when its registration returns to review
        return io.quarkus.hibernate.reactive.panache.Panache.withTransaction(() -> transitions.run(transition, subject,
                        () -> loaded(id), Change.<RegistrationObjection>with(objection -> objection.answer = answer.trim()))
                .call(objection -> transition == ObjectionTransition.CONFIRM ? reopened(objection, subject)
                        : Uni.createFrom().voidItem()))
                .map(objection -> objection.toView(List.of()));
    }

    /** An upheld objection sends its registration back to review (if still in publicity: two upheld, one reopening). */
    private Uni<Void> reopened(RegistrationObjection objection, Subject subject) {
        return Dataset.<Dataset>findById(objection.datasetId).flatMap(dataset -> dataset.state() != RegistrationStatus.PUBLICITY
                ? Uni.createFrom().voidItem()
                : transitions.runAsPlatform(RegistrationTransition.REOPEN, subject.user(), null, dataset,
                        Change.<Dataset>with(reopened -> reopened.returnReasons = new Dataset.ReturnReasons(
                                List.of("异议成立 / objection upheld: " + objection.answer)))).replaceWithVoid());
    }

    private static Uni<RegistrationObjection> loaded(UUID id) {
        return RegistrationObjection.<RegistrationObjection>findById(id).flatMap(objection -> {
            if (objection == null) {
                throw new ObjectionNotFound(id);
            }
            return Dataset.<Dataset>findById(objection.datasetId).map(dataset -> {
                objection.department = dataset.provider;
                return objection;
            });
        });
    }
}

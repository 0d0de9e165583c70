package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.Page;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.satisfaction.CaseAnswer;
import io.pdx.contracts.satisfaction.CaseOrigin;
import io.pdx.contracts.satisfaction.CaseStatus;
import io.pdx.contracts.satisfaction.CaseView;
import io.pdx.contracts.satisfaction.ComplaintRequest;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.security.BureauRoles;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationDenied;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cases (工单) of 好差评: a complaint opens one, as a poor rating does; the bureau reads every case and answers it in
 * writing (the kernel's {@code case.answer}), anyone else reads the cases they opened. Complaints are audited
 * ({@code complaint.create}), never with their text.
 */
@ApplicationScoped
public class Cases {

    private final OperationGuard guard;
    private final ServiceEvents events;
    private final CaseOpening opening;
    private final TransitionKernel transitions;
    private final AuditLog audit;
    private final Clock clock;

    public Cases(OperationGuard guard, ServiceEvents events, CaseOpening opening, TransitionKernel transitions, AuditLog audit,
                 Clock clock) {
        this.guard = guard;
        this.events = events;
        this.opening = opening;
        this.transitions = transitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Order of refusals: not allowed (403), bad input (400), no event of the caller's (404), not decided (409). */
    Uni<CaseView> complain(Subject subject, ComplaintRequest request) {
        return guard.require(subject, Operation.COMPLAINT_CREATE,
                        new AuthzInput.Resource("case", null, subject.organization(), subject.department(), subject.user()))
                .map(allowed -> SatisfactionRequests.complaint(request))
                .flatMap(complaint -> Panache.withTransaction(() -> events.rateable(complaint.kind(), complaint.eventId(), subject)
                        .flatMap(event -> opening.open(event, CaseOrigin.COMPLAINT, null, complaint.text(), subject,
                                OffsetDateTime.now(clock)))
                        .call(opened -> audit.record(subject.user(), "complaint.create", opened.auditType(), opened.auditId(),
                                opened.auditOrganization(), null, opened.auditDetail()))))
                .map(opened -> opened.toView(OffsetDateTime.now(clock)));
    }

    /**
     * Every case for the bureau, the caller's own for anyone else; newest first. {@code status} narrows, and
     * {@code overdue} to the cases open past their due day or answered after it (or, false, the others).
     */
    Uni<Page<CaseView>> list(Subject subject, CaseStatus status, Boolean overdue, PageRequest paging) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return guard.require(subject, Operation.CASE_LIST,
                        new AuthzInput.Resource("case", null, subject.organization(), subject.department(), subject.user()))
                .flatMap(allowed -> {
                    List<String> where = new ArrayList<>();
                    Map<String, Object> parameters = new HashMap<>();
                    if (!BureauRoles.of(subject)) {
                        where.add("openedBy = :user");
                        parameters.put("user", subject.user());
                    }
                    if (status != null) {
                        where.add("status = :status");
                        parameters.put("status", status);
                    }
                    if (overdue != null) {
                        String late = "((status = :open and overdueAfter <= :now) or (status = :answered and answeredAt >= overdueAfter))";
                        where.add(overdue ? late : "not " + late);
                        parameters.put("open", CaseStatus.OPEN);
                        parameters.put("answered", CaseStatus.ANSWERED);
                        parameters.put("now", now);
                    }
                    Sort newest = Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
                    return paging.page(where.isEmpty() ? SatisfactionCase.<SatisfactionCase>findAll(newest)
                                    : SatisfactionCase.<SatisfactionCase>find(String.join(" and ", where), newest, parameters),
                            opened -> opened.toView(now));
                });
    }

    /** A case the caller may read: any for the bureau, its own for anyone else (404 otherwise). */
    Uni<CaseView> read(Subject subject, UUID id) {
        return SatisfactionCase.<SatisfactionCase>findById(id).flatMap(found -> {
            if (found == null) {
                throw new SatisfactionProblems.CaseNotFound(id);
            }
            return guard.decide(subject, Operation.CASE_READ.policyName(), found.asResource()).map(answer -> {
                if (OperationDenied.DENY_SUBJECT.equals(answer.result().outcome())) {
                    throw new OperationDenied(Operation.CASE_READ.policyName(), new PolicyDecision(false,
                            answer.result().outcome(), answer.result().reasons()), subject.authenticated());
                }
                if (!answer.result().allow() || !BureauRoles.of(subject) && !found.openedBy.equals(subject.user())) {
                    throw new SatisfactionProblems.CaseNotFound(id);
                }
                return found.toView(OffsetDateTime.now(clock));
            });
        });
    }

    /** The bureau's written answer: OPEN → ANSWERED, stamped who and when (on time or late against answerDue). */
    Uni<CaseView> answer(Subject subject, UUID id, CaseAnswer body) {
        FieldCheck check = new FieldCheck();
        check.text("answer", body == null ? null : body.answer(), true, false, CaseAnswer.MAX_ANSWER);
        if (!check.valid()) {
            throw new SatisfactionProblems.InvalidRequest("answer", check);
        }
        String answer = body.answer().trim();
        return transitions.run(CaseTransition.ANSWER, subject,
                        () -> SatisfactionCase.<SatisfactionCase>findById(id)
                                .onItem().ifNull().failWith(() -> new SatisfactionProblems.CaseNotFound(id)),
                        Change.<SatisfactionCase>with(answered -> answered.answer = answer))
                .map(answered -> answered.toView(OffsetDateTime.now(clock)));
    }
}

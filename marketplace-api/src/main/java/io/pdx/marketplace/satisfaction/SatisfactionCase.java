package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.satisfaction.CaseOrigin;
import io.pdx.contracts.satisfaction.CaseStatus;
import io.pdx.contracts.satisfaction.CaseView;
import io.pdx.contracts.satisfaction.SatisfactionLevel;
import io.pdx.contracts.satisfaction.ServiceEventKind;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case (工单) opened by a poor rating or a complaint about a service event, answered in writing by the bureau by
 * {@link #answerDue} (working days counted in the policy's calendar). Its state changes only through a named
 * {@link CaseTransition}. OPA reads it as of the organization or department of the person who opened it.
 */
@Entity
@Table(name = "satisfaction_case")
public class SatisfactionCase extends StatefulEntity<CaseStatus> {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public CaseOrigin origin;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_kind")
    public ServiceEventKind eventKind;
    @Column(name = "event_id")
    public UUID eventId;
    @Enumerated(EnumType.STRING)
    public SatisfactionLevel level;
    public String text;
    @Column(name = "opened_by")
    public String openedBy;
    public String organization;
    public String department;
    @Column(name = "answer_due")
    public LocalDate answerDue;
    /** The moment the case is overdue: the start of the day after {@link #answerDue} in the bureau's time zone. */
    @Column(name = "overdue_after")
    public OffsetDateTime overdueAfter;
    @Enumerated(EnumType.STRING)
    private CaseStatus status = CaseStatus.OPEN;
    public String answer;
    @Column(name = "answered_by")
    public String answeredBy;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
    @Version
    public long version;

    @Override
    public CaseStatus state() {
        return status;
    }

    @Override
    protected void enter(CaseStatus next) {
        status = next;
    }

    @Override
    protected void stamp(Transition<CaseStatus> transition, String actor, OffsetDateTime now) {
        answeredBy = actor;
        answeredAt = now;
    }

    @Override
    protected String label() {
        return "Case";
    }

    @Override
    public ProblemException notFound() {
        return new SatisfactionProblems.CaseNotFound(id);
    }

    @Override
    public List<CaseTransition> transitions() {
        return List.of(CaseTransition.values());
    }

    @Override
    public AuthzInput.Resource asResource() {
        return new AuthzInput.Resource("case", id.toString(), organization, department, openedBy, status.name());
    }

    @Override
    public String auditType() {
        return "satisfaction_case";
    }

    @Override
    public Object auditId() {
        return id;
    }

    @Override
    public String auditOrganization() {
        return organization;
    }

    /** The event, the origin, the deadline and the state; never the text of the rating, complaint or answer. */
    @Override
    public Map<String, Object> auditDetail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("origin", origin.name());
        detail.put("eventKind", eventKind.name());
        detail.put("eventId", eventId.toString());
        detail.put("answerDue", answerDue.toString());
        detail.put("status", status.name());
        if (answeredAt != null) {
            detail.put("late", overdueAt(answeredAt));
        }
        return detail;
    }

    /** Overdue as of {@code now}: open and past its due day, or answered after it. */
    boolean overdueAt(OffsetDateTime now) {
        OffsetDateTime moment = status == CaseStatus.ANSWERED ? answeredAt : now;
        return moment != null && !moment.isBefore(overdueAfter);
    }

    CaseView toView(OffsetDateTime now) {
        return new CaseView(id, origin, eventKind, eventId, level, text, openedBy, createdAt, answerDue, overdueAt(now),
                status, answer, answeredBy, answeredAt, List.of());
    }
}

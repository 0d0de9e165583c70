package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.ObjectionStatus;
import io.pdx.contracts.catalog.ObjectionView;
import io.pdx.contracts.policy.AuthzInput;
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

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An objection (异议) lodged during a registration's publicity, one per person and registration. Its state changes only
 * through a named {@link ObjectionTransition}. For four eyes OPA reads as its creator whoever acted last on it: the
 * person who lodged it (who cannot answer it) and then the reviewer who proposed to uphold it (who cannot confirm).
 */
@Entity
@Table(name = "registration_objection")
public class RegistrationObjection extends StatefulEntity<ObjectionStatus> {

    @Id
    public UUID id;
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Enumerated(EnumType.STRING)
    private ObjectionStatus status = ObjectionStatus.OPEN;
    public String reasons;
    @Column(name = "lodged_by")
    public String lodgedBy;
    public String organization;
    @Column(name = "proposed_by")
    public String proposedBy;
    public String answer;
    @Column(name = "answered_by")
    public String answeredBy;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
    @Version
    public long version;

    /** The holding department of the registration objected to (for OPA's department scope); not stored. */
    @jakarta.persistence.Transient
    public String department;

    @Override
    public ObjectionStatus state() {
        return status;
    }

    @Override
    protected void enter(ObjectionStatus next) {
        status = next;
    }

    @Override
    protected void stamp(Transition<ObjectionStatus> transition, String actor, OffsetDateTime now) {
        if (transition == ObjectionTransition.UPHOLD) {
            proposedBy = actor;
        } else {
            answeredBy = actor;
            answeredAt = now;
        }
    }

    @Override
    protected String label() {
        return "Objection";
    }

    @Override
    public ProblemException notFound() {
        return new ObjectionNotFound(id);
    }

    @Override
    public List<ObjectionTransition> transitions() {
        return List.of(ObjectionTransition.values());
    }

    @Override
    public AuthzInput.Resource asResource() {
        String actedLast = status == ObjectionStatus.UPHOLD_PROPOSED ? proposedBy : lodgedBy;
        return new AuthzInput.Resource("objection", id.toString(), null, department, actedLast, status.name());
    }

    @Override
    public String auditType() {
        return "registration_objection";
    }

    @Override
    public Object auditId() {
        return id;
    }

    @Override
    public String auditOrganization() {
        return organization;
    }

    /** The registration objected to and the state; never the reasons' text (they stay with the objection). */
    @Override
    public Map<String, Object> auditDetail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("datasetId", datasetId.toString());
        detail.put("status", status.name());
        detail.put("lodgedBy", lodgedBy);
        return detail;
    }

    public ObjectionView toView(List<String> actions) {
        return new ObjectionView(id, datasetId, status, reasons, lodgedBy, createdAt, answer, answeredAt, actions);
    }
}

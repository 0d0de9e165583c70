package io.pdx.marketplace.audit;

import io.pdx.contracts.audit.AuditEventView;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One audit event, as stored (append-only: the database refuses updates and deletes). */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public OffsetDateTime at;
    public String actor;
    public String action;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public String resourceId;
    public String organization;
    @Column(name = "decision_id")
    public String decisionId;
    public String detail;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;

    /** The text the hash covers: fixed order, one field a line, the instant in UTC to the microsecond. */
    public String canonicalText() {
        return String.join("\n", prevHash, at.toInstant().toString(), actor, action, resourceType, resourceId,
                organization == null ? "" : organization, decisionId == null ? "" : decisionId, detail);
    }

    public AuditEventView toView() {
        return new AuditEventView(seq, at, actor, action, resourceType, resourceId, organization, decisionId, detail, prevHash,
                hash);
    }
}

package io.pdx.marketplace.organization;

import io.pdx.marketplace.problem.ProblemException;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.contracts.organization.OrganizationView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An operator organization (授权运营主体), keyed by its 统一社会信用代码. Its status changes only through a named
 * {@link OrganizationTransition}.
 */
@Entity
@Table(name = "organization")
public class Organization extends StatefulEntity<OrganizationStatus> {

    @Id
    public String uscc;

    public String name;

    @Column(name = "legal_representative")
    public String legalRepresentative;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    @Enumerated(EnumType.STRING)
    private OrganizationStatus status = OrganizationStatus.UNVERIFIED;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Version
    public long version;

    @Override
    public OrganizationStatus state() {
        return status;
    }

    @Override
    protected void enter(OrganizationStatus next) {
        status = next;
    }

    @Override
    protected void stamp(Transition<OrganizationStatus> transition, String actor, OffsetDateTime now) {
        if (transition == OrganizationTransition.VERIFY) {
            verifiedBy = actor;
        }
    }

    @Override
    protected String label() {
        return "Organization";
    }

    @Override
    public ProblemException notFound() {
        return new OrganizationProblems.OrganizationNotFound(uscc);
    }

    @Override
    public List<OrganizationTransition> transitions() {
        return List.of(OrganizationTransition.values());
    }

    @Override
    public AuthzInput.Resource asResource() {
        return resource(uscc, status);
    }

    /** An organization as OPA's authorization reads it (from the entity, or from the view its caller is shown). */
    public static AuthzInput.Resource resource(String uscc, OrganizationStatus status) {
        return new AuthzInput.Resource("organization", uscc, uscc, null, null, status == null ? null : status.name());
    }

    @Override
    public String auditType() {
        return "organization";
    }

    @Override
    public Object auditId() {
        return uscc;
    }

    @Override
    public String auditOrganization() {
        return uscc;
    }

    @Override
    public Map<String, Object> auditDetail() {
        return Map.of("status", status.name());
    }

    public OrganizationView toView() {
        return new OrganizationView(uscc, name, legalRepresentative, contactName, contactPhone, contactEmail, status,
                registeredBy, verifiedBy, createdAt, updatedAt, version, List.of());
    }
}

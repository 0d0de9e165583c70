package io.pdx.marketplace.organization;

import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.contracts.organization.OrganizationView;
import io.pdx.marketplace.problem.IllegalTransition;
import io.pdx.marketplace.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An operator organization (授权运营主体), keyed by its 统一社会信用代码. State changes go through {@link #moveTo}. */
@Entity
@Table(name = "organization")
public class Organization extends TimestampedEntity {

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
    public OrganizationStatus status = OrganizationStatus.UNVERIFIED;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Version
    public long version;

    public void moveTo(OrganizationStatus to) {
        if (!status.canMoveTo(to)) {
            throw new IllegalTransition("Organization", uscc, status, to);
        }
        status = to;
    }

    public OrganizationView toView() {
        return new OrganizationView(uscc, name, legalRepresentative, contactName, contactPhone, contactEmail, status,
                registeredBy, verifiedBy, createdAt, updatedAt, version);
    }
}

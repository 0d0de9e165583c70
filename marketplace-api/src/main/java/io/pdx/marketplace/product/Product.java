package io.pdx.marketplace.product;

import io.pdx.contracts.Grade;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.product.PricePeriod;
import io.pdx.contracts.product.PriceRule;
import io.pdx.contracts.product.ProductDescription;
import io.pdx.contracts.product.ProductView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.product.ProductStatus;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.catalog.Dataset;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.UUID;

/**
 * A data product (数据产品): one registered dataset version listed by the bureau with the modes of
 * use it offers, its price rule and its product description (数据产品说明书). LISTED until its department or the
 * bureau withdraws it ({@link ProductTransition#WITHDRAW}, 下架): then no new application, licenses keep their term.
 */
@Entity
@Table(name = "product")
public class Product extends StatefulEntity<ProductStatus> {

    @Id
    public UUID id;

    @Column(name = "dataset_id")
    public UUID datasetId;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @JdbcTypeCode(SqlTypes.JSON)
    public Modes modes;

    @Enumerated(EnumType.STRING)
    @Column(name = "price_kind")
    public PriceKind priceKind;

    @Column(name = "unit_price_fen")
    public long unitPriceFen;

    @Column(name = "cap_fen")
    public long capFen;

    @Enumerated(EnumType.STRING)
    @Column(name = "price_period")
    public PricePeriod pricePeriod;

    @JdbcTypeCode(SqlTypes.JSON)
    public ProductDescription description;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "consent_given_at")
    public java.time.OffsetDateTime consentGivenAt;

    @Column(name = "consent_given_by")
    public String consentGivenBy;

    @Column(name = "consent_document")
    public String consentDocument;

    /** The operators the consent is limited to (empty: every operator); null before consent. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "consent_organizations")
    public ConsentOrganizations consentOrganizations;

    /** A JSON object rather than a top-level array: Hibernate Reactive maps those both ways. */
    public record ConsentOrganizations(List<String> organizations) {
        public ConsentOrganizations {
            organizations = organizations == null ? List.of() : List.copyOf(organizations);
        }
    }

    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    private ProductStatus status = ProductStatus.LISTED;

    @Column(name = "withdrawn_at")
    public java.time.OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** The holding department of its dataset (for OPA's department scope); not stored. */
    @jakarta.persistence.Transient
    public String department;

    @Override
    public ProductStatus state() {
        return status;
    }

    @Override
    protected void enter(ProductStatus next) {
        status = next;
    }

    @Override
    protected void stamp(Transition<ProductStatus> transition, String actor, java.time.OffsetDateTime now) {
        if (transition.target() == ProductStatus.WITHDRAWN) {
            withdrawnAt = now;
            withdrawnBy = actor;
        }
    }

    @Override
    protected String label() {
        return "Product";
    }

    @Override
    public ProblemException notFound() {
        return new ProductNotFound(id);
    }

    @Override
    public List<ProductTransition> transitions() {
        return List.of(ProductTransition.values());
    }

    @Override
    public AuthzInput.Resource asResource() {
        return new AuthzInput.Resource("product", id.toString(), null, department, createdBy, status.name());
    }

    @Override
    public String auditType() {
        return "product";
    }

    @Override
    public Object auditId() {
        return id;
    }

    @Override
    public String auditOrganization() {
        return null;
    }

    /** The dataset, the state and the reason given; nothing else. */
    @Override
    public java.util.Map<String, Object> auditDetail() {
        java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("datasetId", datasetId.toString());
        detail.put("status", status.name());
        if (withdrawalReason != null) {
            detail.put("reason", withdrawalReason);
        }
        return detail;
    }

    /** The modes offered, as stored (a JSON object so that the column maps both ways). */
    public record Modes(List<LicenseMode> modes) {
        public Modes {
            modes = modes == null ? List.of() : List.copyOf(modes);
        }
    }

    @PrePersist
    void assignIds() {
        if (id == null) {
            id = UUID.randomUUID();
        }
    }

    /** A FREE listing of a dataset in the given modes, its description from the dataset's schema (the demo catalog's products). */
    public static Product free(Dataset dataset, List<LicenseMode> modes, List<String> scenarios, String qualityNotes,
                               String createdBy, java.time.OffsetDateTime consentedAt) {
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.datasetId = dataset.id;
        product.nameZh = dataset.nameZh;
        product.nameEn = dataset.nameEn;
        product.modes = new Modes(modes.stream().sorted().toList());
        product.priceKind = PriceKind.FREE;
        product.description = new ProductDescription(scenarios, dataset.updateFrequency, qualityNotes,
                dataset.schema.columns(), SyntheticSample.rows(dataset.schema.columns()));
        product.createdBy = createdBy;
        product.consent(createdBy, "演示数据，数源单位同意 / demo data, with the holding department's consent", List.of(),
                consentedAt);
        return product;
    }

    /** Records the holding department's consent (given once). */
    public void consent(String by, String document, List<String> organizations, java.time.OffsetDateTime at) {
        consentGivenAt = at;
        consentGivenBy = by;
        consentDocument = document;
        consentOrganizations = new ConsentOrganizations(organizations);
    }

    public boolean consented() {
        return consentGivenAt != null;
    }

    /** The consent as the license policy reads it. */
    public io.pdx.contracts.policy.LicenseInput.Consent consentForPolicy() {
        return new io.pdx.contracts.policy.LicenseInput.Consent(consented(),
                consentOrganizations == null ? List.of() : consentOrganizations.organizations());
    }

    public PriceRule priceRule() {
        return new PriceRule(priceKind, unitPriceFen, capFen, pricePeriod);
    }

    /** The product as the API shows it, with the grade of its dataset. */
    public ProductView toView(Grade datasetGrade, String provider) {
        return new ProductView(id, datasetId, datasetGrade, provider, nameZh, nameEn, modes.modes(), priceRule(), description,
                createdBy, createdAt, consented() ? new io.pdx.contracts.product.HolderConsent(consentGivenAt, consentGivenBy,
                consentDocument, consentOrganizations == null ? List.of() : consentOrganizations.organizations()) : null,
                status, withdrawnAt, withdrawalReason, List.of());
    }
}

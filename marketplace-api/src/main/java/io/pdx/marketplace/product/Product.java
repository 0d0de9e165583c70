package io.pdx.marketplace.product;

import io.pdx.contracts.Grade;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.product.PricePeriod;
import io.pdx.contracts.product.PriceRule;
import io.pdx.contracts.product.ProductDescription;
import io.pdx.contracts.product.ProductView;
import io.pdx.marketplace.persistence.TimestampedEntity;
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
 * use it offers, its price rule and its product description (数据产品说明书).
 */
@Entity
@Table(name = "product")
public class Product extends TimestampedEntity {

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
    public ProductView toView(Grade datasetGrade) {
        return new ProductView(id, datasetId, datasetGrade, nameZh, nameEn, modes.modes(), priceRule(), description,
                createdBy, createdAt, consented() ? new io.pdx.contracts.product.HolderConsent(consentGivenAt, consentGivenBy,
                consentDocument, consentOrganizations == null ? List.of() : consentOrganizations.organizations()) : null);
    }
}

package io.pdx.marketplace.catalog;

import io.pdx.marketplace.problem.ProblemException;
import io.pdx.contracts.Grade;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.catalog.registration.RegistrationTransition;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.catalog.RegistrationType;
import io.pdx.contracts.catalog.SharingType;
import io.pdx.contracts.catalog.UpdateFrequency;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A catalog entry (目录): one version of a dataset a department holds, with its grade, tagged
 * schema and registration state. A registered version never changes; a change is a new version
 * of the same lineage. State changes go through a named
 * {@link io.pdx.marketplace.catalog.registration.RegistrationTransition}.
 */
@Entity
@Table(name = "dataset")
public class Dataset extends StatefulEntity<RegistrationStatus> {

    @Id
    public UUID id;

    @Column(name = "lineage_id")
    public UUID lineageId;

    @Column(name = "dataset_version")
    public int datasetVersion = 1;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    public String description = "";

    public String category;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    @Column(name = "general_sublevel")
    public Integer generalSublevel;

    public String provider;

    @Column(name = "provider_name")
    public String providerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "update_frequency")
    public UpdateFrequency updateFrequency = UpdateFrequency.IRREGULAR;

    @Column(name = "time_coverage_start")
    public LocalDate timeCoverageStart;

    @Column(name = "time_coverage_end")
    public LocalDate timeCoverageEnd;

    @Column(name = "spatial_coverage")
    public String spatialCoverage;

    @Column(name = "row_count")
    public long rowCount;

    @Column(name = "data_file")
    public String dataFile;

    @Column(name = "entity_column")
    public String entityColumn;

    @JdbcTypeCode(SqlTypes.JSON)
    public DatasetSchema schema = new DatasetSchema(List.of());

    @Enumerated(EnumType.STRING)
    @Column(name = "sharing_type")
    public SharingType sharingType;

    @Column(name = "sharing_condition")
    public String sharingCondition;

    @Enumerated(EnumType.STRING)
    public Openness openness;

    @Enumerated(EnumType.STRING)
    private RegistrationStatus status = RegistrationStatus.DRAFT;

    @Column(name = "certificate_no")
    public String certificateNo;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "return_reasons")
    public ReturnReasons returnReasons = new ReturnReasons(List.of());

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    /** When the formal review (形式审核) of the latest submission, or of a review reopened by an objection, began. */
    @Column(name = "review_started_at")
    public OffsetDateTime reviewStartedAt;

    /** When that review accepted the version into publicity or returned it; empty while it is in review. */
    @Column(name = "review_decided_at")
    public OffsetDateTime reviewDecidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_type")
    public RegistrationType registrationType = RegistrationType.INITIAL;

    /** The registered version a change, correction or cancellation amends; null for a first registration. */
    public UUID amends;

    @Column(name = "amendment_reason")
    public String amendmentReason;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "publicity_started_at")
    public OffsetDateTime publicityStartedAt;

    @Column(name = "publicity_ends_at")
    public OffsetDateTime publicityEndsAt;

    /** The certificate's canonical JSON as signed (byte for byte), from the moment of registration. */
    public String certificate;

    @Column(name = "certificate_signature")
    public String certificateSignature;

    /** What sandbox-runner found when the version's data entered the domain: aggregates only; null before. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "quality_report")
    public io.pdx.contracts.catalog.QualityReport qualityReport;

    /** Optimistic lock: a write based on a stale read fails. */
    @Version
    public long version;

    /** Reasons of the last return, as stored (a JSON object so that the column maps both ways). */
    public record ReturnReasons(List<String> reasons) {
        public ReturnReasons {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    @PrePersist
    void assignIds() {
        if (id == null) {
            id = UUID.randomUUID();
        }
        if (lineageId == null) {
            lineageId = id;
        }
    }

    @Override
    public RegistrationStatus state() {
        return status;
    }

    @Override
    protected void enter(RegistrationStatus next) {
        status = next;
    }

    @Override
    protected void stamp(Transition<RegistrationStatus> transition, String actor, OffsetDateTime now) {
        if (transition == RegistrationTransition.SUBMIT) {
            submittedBy = actor;
            submittedAt = now;
            reviewStartedAt = now;
            reviewDecidedAt = null;
        } else if (transition == RegistrationTransition.REOPEN) {
            reviewStartedAt = now;
            reviewDecidedAt = null;
        } else if (transition == RegistrationTransition.ACCEPT) {
            acceptedBy = actor;
            reviewDecidedAt = now;
        } else if (transition == RegistrationTransition.RETURN) {
            reviewDecidedAt = now;
        } else if (transition.target() == RegistrationStatus.REGISTERED) {
            registeredBy = actor;
            registeredAt = now;
        }
    }

    @Override
    protected String label() {
        return "Dataset";
    }

    @Override
    public ProblemException notFound() {
        return new DatasetNotFound(id);
    }

    @Override
    public List<RegistrationTransition> transitions() {
        return List.of(RegistrationTransition.values());
    }

    @Override
    public AuthzInput.Resource asResource() {
        return resource(id, provider, submittedBy, status);
    }

    /** A dataset version as OPA's authorization reads it (from the entity, or from the view its caller is shown). */
    public static AuthzInput.Resource resource(UUID id, String provider, String submittedBy, RegistrationStatus status) {
        return new AuthzInput.Resource("dataset", id == null ? null : id.toString(), null, provider, submittedBy,
                status == null ? null : status.name());
    }

    @Override
    public String auditType() {
        return "dataset";
    }

    @Override
    public Object auditId() {
        return id;
    }

    @Override
    public String auditOrganization() {
        return null;
    }

    @Override
    public Map<String, Object> auditDetail() {
        return Map.of("status", status.name(), "grade", grade.name(), "provider", provider, "version", datasetVersion,
                "certificateNo", String.valueOf(certificateNo), "registrationType", registrationType.name(),
                "amends", String.valueOf(amends));
    }

    public DatasetSummary toSummary() {
        return new DatasetSummary(id, lineageId, datasetVersion, nameZh, nameEn, description, category, grade,
                generalSublevel, provider, providerName, updateFrequency, timeCoverageStart, timeCoverageEnd,
                spatialCoverage, rowCount, schema.columns(), sharingType, sharingCondition, openness, status,
                certificateNo, returnReasons.reasons(), version, createdAt, updatedAt, registrationType, amends,
                publicityStartedAt, publicityEndsAt, List.of());
    }
}

package io.pdx.marketplace.licensing;

import io.pdx.marketplace.problem.ProblemException;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.contracts.licensing.LicenseView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A license (授权) of one organization for one product. Its state changes only through a named
 * {@link LicenseTransition}, which the {@link io.pdx.marketplace.lifecycle.TransitionKernel} runs.
 */
@Entity
@Table(name = "license")
public class License extends StatefulEntity<LicenseState> {

    @Id
    public UUID id;
    public String organization;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "dataset_id")
    public UUID datasetId;
    public String applicant;
    @Column(name = "purpose_category")
    public String purposeCategory;
    @Column(name = "purpose_text")
    public String purposeText;
    @JdbcTypeCode(SqlTypes.JSON)
    public Columns columns;
    @Enumerated(EnumType.STRING)
    public LicenseMode mode;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "expected_volume")
    public Long expectedVolume;
    @Enumerated(EnumType.STRING)
    private LicenseState state = LicenseState.APPLIED;
    @Column(name = "decision_outcome")
    public String decisionOutcome;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "decision_reasons")
    public Reasons decisionReasons = new Reasons(List.of());
    @Column(name = "decision_id")
    public String decisionId;
    @Column(name = "reviewers_required")
    public int reviewersRequired = 1;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "approved_by")
    public Reviewers approvedBy = new Reviewers(List.of());
    @Column(name = "rejected_by")
    public String rejectedBy;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Column(name = "contract_text")
    public String contractText;
    @Column(name = "contract_sha256")
    public String contractSha256;
    @Column(name = "accepted_by")
    public String acceptedBy;
    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;
    /** When the application was decided (approved, denied or rejected): the 效能 figures measure up to it. */
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Version
    public long version;

    /** JSON objects rather than top-level arrays: Hibernate Reactive maps those both ways. */
    public record Columns(List<String> columns) {
    }

    public record Reasons(List<PolicyDecision.Reason> reasons) {
    }

    public record Reviewers(List<String> reviewers) {
    }

    @Override
    public LicenseState state() {
        return state;
    }

    @Override
    protected void enter(LicenseState next) {
        state = next;
    }

    @Override
    protected void stamp(Transition<LicenseState> transition, String actor, OffsetDateTime now) {
        if (transition == LicenseTransition.ACCEPT) {
            acceptedBy = actor;
            acceptedAt = now;
        } else if (transition == LicenseTransition.REJECT) {
            rejectedBy = actor;
        }
        LicenseState to = transition.target();
        if (decidedAt == null && (to == LicenseState.APPROVED || to == LicenseState.DENIED || to == LicenseState.REJECTED)) {
            decidedAt = now;
        }
    }

    @Override
    protected String label() {
        return "License";
    }

    @Override
    public ProblemException notFound() {
        return new LicenseProblems.LicenseNotFound(id);
    }

    @Override
    public List<LicenseTransition> transitions() {
        return List.of(LicenseTransition.values());
    }

    @Override
    public AuthzInput.Resource asResource() {
        return resource(id, organization, applicant, state);
    }

    /** A license as OPA's authorization reads it (from the entity, or from the view the console is shown). */
    public static AuthzInput.Resource resource(UUID id, String organization, String applicant, LicenseState state) {
        return new AuthzInput.Resource("license", id == null ? null : id.toString(), organization, null, applicant,
                state == null ? null : state.name());
    }

    @Override
    public String auditType() {
        return "license";
    }

    @Override
    public Object auditId() {
        return id;
    }

    @Override
    public String auditOrganization() {
        return organization;
    }

    @Override
    public Map<String, Object> auditDetail() {
        return Map.of("state", state.name(), "outcome", String.valueOf(decisionOutcome), "productId", String.valueOf(productId),
                "approvedBy", String.join(",", approvedBy.reviewers()));
    }

    /**
     * Whether the license is in force now: ACTIVE, and today (in the bureau's time zone) within its term, from
     * the first day of the term to the last. Runs, releases and downloads need it at that moment.
     */
    public boolean inForce(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(LicenseExpiry.BUREAU_ZONE));
        return state == LicenseState.ACTIVE && (termStart == null || !today.isBefore(termStart))
                && (termEnd == null || !today.isAfter(termEnd));
    }

    public LicenseView toView() {
        return new LicenseView(id, organization, productId, datasetId, applicant, purposeCategory, purposeText,
                columns.columns(), mode == null ? null : mode.name(), termStart, termEnd, expectedVolume, state, decisionOutcome,
                decisionReasons.reasons(), decisionId, reviewersRequired, approvedBy.reviewers(), rejectedBy,
                rejectReason, contractSha256, acceptedBy, createdAt, updatedAt, version, List.of());
    }
}

package io.pdx.marketplace.observability;

/**
 * Every metric marketplace-api defines, in one place (Micrometer names; Prometheus shows dots as underscores and
 * adds {@code _total} to counters). OPA's questions are counted by the policy client itself
 * ({@link io.pdx.policy.client.PolicyDecisionMetrics#DECISIONS}), HTTP requests by Quarkus
 * ({@code http_server_requests_seconds}). Every label has a closed set of values (enums of the platform): no
 * organization, user, dataset or id is ever a label.
 */
public final class MetricNames {

    /** Counter: license applications as OPA decided them ({@value #DECISION}: AUTO_APPROVE = 秒批, REVIEW, DENY; {@value #GRADE}). */
    public static final String LICENSE_APPLICATIONS = "pdx.license.applications";
    /** Counter: how sandbox jobs ended or moved on after their run ({@value #OUTCOME}: the job transition; {@value #GRADE}). */
    public static final String JOB_OUTCOMES = "pdx.sandbox.job.outcomes";
    /** Counter: results released ({@value #GRADE}; {@value #DECIDED_BY}: {@code policy} at once, or a {@code reviewer}). */
    public static final String RELEASES = "pdx.sandbox.releases";
    /** Gauge, from PostgreSQL: sandbox jobs in each {@value #STATE} and {@value #GRADE} now. */
    public static final String JOBS = "pdx.sandbox.jobs";
    /** Gauge, from PostgreSQL: ε charged this budget year (bureau time), in micro-units, by {@value #GRADE}. */
    public static final String EPSILON_SPENT = "pdx.privacy.epsilon.spent.micros";
    /** Gauge, from PostgreSQL: what waits for a reviewer, by {@value #QUEUE}. */
    public static final String REVIEW_BACKLOG = "pdx.review.backlog";
    /** Gauge, from PostgreSQL: how long the oldest item of each {@value #QUEUE} has waited, in seconds (0 when empty). */
    public static final String REVIEW_BACKLOG_OLDEST = "pdx.review.backlog.oldest.seconds";

    public static final String DECISION = "decision";
    public static final String GRADE = "grade";
    public static final String OUTCOME = "outcome";
    public static final String DECIDED_BY = "decided_by";
    public static final String STATE = "state";
    public static final String QUEUE = "queue";

    /** {@value #QUEUE} values: license applications IN_REVIEW, and job results AWAITING_RELEASE. */
    public static final String LICENSE_REVIEW = "license_review";
    public static final String RELEASE_REVIEW = "release_review";

    private MetricNames() {
    }
}

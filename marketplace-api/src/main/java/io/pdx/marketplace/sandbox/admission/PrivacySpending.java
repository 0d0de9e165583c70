package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.sandbox.PrivacyBudget;
import io.pdx.contracts.sandbox.PrivacyCost;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * What an organization has spent of its differential-privacy budget on a dataset in a period: the sum of the
 * charges of its jobs there (a refunded job's charge is 0), whichever license each ran under — a second
 * license adds no budget — and whichever version of the dataset each read: the budget belongs to the dataset's
 * lineage (the id of its first version, {@code Dataset.lineageId}), so a new version over the same entities shares
 * it. Admission reads it under a transaction-scoped advisory lock on (organization, lineage, period), so that two
 * submissions under two licenses, or on two versions, cannot both spend the last of it. Callers name any version.
 */
@ApplicationScoped
public class PrivacySpending {

    private final Clock clock;

    public PrivacySpending(Clock clock) {
        this.clock = clock;
    }

    /* HQL, not native SQL: see AuditLog (Hibernate 7.2 caches a new plan per execution of a native query). */
    static final String LOCK = "select cast(function('pg_advisory_xact_lock', :key) as String)";
    static final String LINEAGE = "select d.lineageId from Dataset d where d.id = :dataset";
    static final String SPENT = "select coalesce(sum(j.epsilonMicros), 0), coalesce(sum(j.deltaPicos), 0) from SandboxJob j"
            + " where j.organization = :organization and j.createdAt >= :start and j.createdAt < :end"
            + " and j.datasetId in (select d.id from Dataset d where d.lineageId = :lineage)";
    /** What clean-room jobs charged the lineage as a joined dataset (jobs refunded gave every charge back). */
    static final String SPENT_JOINED = "select coalesce(sum(r.epsilonMicros), 0), coalesce(sum(r.deltaPicos), 0)"
            + " from JoinedRead r, SandboxJob j where r.jobId = j.id"
            + " and j.organization = :organization and j.createdAt >= :start and j.createdAt < :end and j.refunded = false"
            + " and r.datasetId in (select d.id from Dataset d where d.lineageId = :lineage)";

    /**
     * Locks the budget of (organization, the dataset's lineage, period) for the caller's transaction and reads what
     * was spent.
     */
    Uni<PrivacyCost> lockAndRead(String organization, UUID dataset, BudgetPeriod period) {
        return lineage(dataset).flatMap(lineage -> Panache.getSession()
                .flatMap(session -> session.createSelectionQuery(LOCK, String.class)
                        .setParameter("key", lockKey(organization, lineage, period)).getSingleResult())
                .flatMap(locked -> spentOnLineage(organization, lineage, period)));
    }

    /** What was spent on the dataset's lineage, without a lock (for views). */
    Uni<PrivacyCost> spent(String organization, UUID dataset, BudgetPeriod period) {
        return lineage(dataset).flatMap(lineage -> spentOnLineage(organization, lineage, period));
    }

    /** The lineage of a dataset version (a version registered before lineages existed is its own). */
    private static Uni<UUID> lineage(UUID dataset) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(LINEAGE, UUID.class)
                        .setParameter("dataset", dataset).getSingleResultOrNull())
                .map(lineage -> lineage == null ? dataset : lineage);
    }

    private static Uni<PrivacyCost> spentOnLineage(String organization, UUID lineage, BudgetPeriod period) {
        return sum(SPENT, organization, lineage, period).flatMap(read -> sum(SPENT_JOINED, organization, lineage, period)
                .map(joined -> new PrivacyCost(read.epsilonMicros() + joined.epsilonMicros(),
                        read.deltaPicos() + joined.deltaPicos())));
    }

    private static Uni<PrivacyCost> sum(String query, String organization, UUID lineage, BudgetPeriod period) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(query, Object[].class)
                        .setParameter("organization", organization)
                        .setParameter("lineage", lineage)
                        .setParameter("start", period.start())
                        .setParameter("end", period.end())
                        .getSingleResult())
                .map(row -> new PrivacyCost(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    /** The budget of (organization, the dataset's lineage) now, under {@code controls}; null where the grade adds no noise. */
    public Uni<PrivacyBudget> budget(String organization, UUID dataset, ControlsResult controls) {
        if (controls == null || !controls.differentiallyPrivate() || controls.budget() == null) {
            return Uni.createFrom().nullItem();
        }
        BudgetPeriod period = BudgetPeriod.containing(clock.instant(), controls.budget());
        PrivacyCost total = PrivacyCost.of(controls.budget().epsilon(), controls.budget().delta());
        return spent(organization, dataset, period).map(spent -> PrivacyBudget.of(total, spent, period.start(), period.end()));
    }

    static long lockKey(String organization, UUID lineage, BudgetPeriod period) {
        return AdvisoryLockKey.of("pdx-budget|" + organization + "|" + lineage + "|" + period.start().toInstant());
    }
}

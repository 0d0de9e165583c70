package io.pdx.marketplace.sandbox;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.sandbox.PrivacyBudget;
import io.pdx.contracts.sandbox.PrivacyCost;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * What an organization has spent of its differential-privacy budget on a dataset in a period: the sum of the
 * charges of its jobs there (a refunded job's charge is 0), whichever license each ran under — a second
 * license adds no budget. Admission reads it under a transaction-scoped advisory lock on (organization,
 * dataset, period), so that two submissions under two licenses cannot both spend the last of it.
 */
@ApplicationScoped
public class PrivacySpending {

    /* HQL, not native SQL: see AuditLog (Hibernate 7.2 caches a new plan per execution of a native query). */
    static final String LOCK = "select cast(function('pg_advisory_xact_lock', :key) as String)";
    static final String SPENT = "select coalesce(sum(j.epsilonMicros), 0), coalesce(sum(j.deltaPicos), 0) from SandboxJob j"
            + " where j.organization = :organization and j.datasetId = :dataset and j.createdAt >= :start and j.createdAt < :end";

    /** Locks the budget of (organization, dataset, period) for the caller's transaction and reads what was spent. */
    public Uni<PrivacyCost> lockAndRead(String organization, UUID dataset, BudgetPeriod period) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(LOCK, String.class)
                        .setParameter("key", lockKey(organization, dataset, period)).getSingleResult())
                .flatMap(locked -> spent(organization, dataset, period));
    }

    /** What was spent, without a lock (for views). */
    public Uni<PrivacyCost> spent(String organization, UUID dataset, BudgetPeriod period) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(SPENT, Object[].class)
                        .setParameter("organization", organization)
                        .setParameter("dataset", dataset)
                        .setParameter("start", period.start())
                        .setParameter("end", period.end())
                        .getSingleResult())
                .map(row -> new PrivacyCost(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    /** The budget of (organization, dataset) now, under {@code controls}; null where the grade adds no noise. */
    public Uni<PrivacyBudget> budget(String organization, UUID dataset, ControlsResult controls) {
        if (controls == null || !controls.differentiallyPrivate() || controls.budget() == null) {
            return Uni.createFrom().nullItem();
        }
        BudgetPeriod period = BudgetPeriod.containing(Instant.now(), controls.budget());
        PrivacyCost total = PrivacyCost.of(controls.budget().epsilon(), controls.budget().delta());
        return spent(organization, dataset, period).map(spent -> PrivacyBudget.of(total, spent, period.start(), period.end()));
    }

    static long lockKey(String organization, UUID dataset, BudgetPeriod period) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("pdx-budget|" + organization + "|" + dataset + "|"
                    + period.start().toInstant()).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

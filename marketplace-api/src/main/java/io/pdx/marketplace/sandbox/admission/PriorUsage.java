package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.sandbox.PrivacyCost;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.SandboxJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What the organization did before a job's admission, as OPA's admission reads it: the license's calls this month
 * and, for a grade with noise ({@code period} not null), what it spent of its privacy budget on the dataset this
 * period — the budget locked for the admission's transaction — and the earlier result of the same statement.
 *
 * @param earlier the earlier job whose result a repeated statement shares; null if none
 */
record PriorUsage(long calls, PrivacyCost spent, SandboxJob earlier) {

    static final ZoneId BUREAU_ZONE = io.pdx.marketplace.time.BureauTime.ZONE;

    /** In the admission's transaction, the license locked; {@code at}: the admission's moment. */
    static Uni<PriorUsage> read(PrivacySpending spending, License license, UUID dataset, String sqlSha256,
                                BudgetPeriod period, Instant at) {
        OffsetDateTime monthStart = LocalDate.ofInstant(at, BUREAU_ZONE).withDayOfMonth(1).atStartOfDay(BUREAU_ZONE)
                .toOffsetDateTime();
        boolean noised = period != null;
        return callsThisMonth(license.id, monthStart)
                .flatMap(calls -> (noised ? spending.lockAndRead(license.organization, dataset, period)
                        : Uni.createFrom().item(PrivacyCost.NONE))
                        .flatMap(spent -> (noised ? earlierResult(license.organization, dataset, sqlSha256, period,
                                OffsetDateTime.ofInstant(at, BUREAU_ZONE)) : Uni.createFrom().<SandboxJob>nullItem())
                                .map(earlier -> new PriorUsage(calls, spent, earlier))));
    }

    /** Jobs admitted under the license this month (refunded jobs, which read nothing, do not count). */
    private static Uni<Long> callsThisMonth(UUID license, OffsetDateTime monthStart) {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("select count(j) from SandboxJob j"
                        + " where j.licenseId = :license and j.createdAt >= :since and j.refunded = false", Long.class)
                .setParameter("license", license)
                .setParameter("since", monthStart)
                .getSingleResult());
    }

    /**
     * The result of the same statement the organization already ran on the dataset this budget period, while it
     * is kept: asking again returns that noisy answer rather than a fresh draw — repeating a query cannot average
     * the noise away — and costs nothing. Its fate (release, rejection) is the new job's.
     */
    private static Uni<SandboxJob> earlierResult(String organization, UUID dataset, String sqlSha256, BudgetPeriod period,
                                                 OffsetDateTime now) {
        return SandboxJob.<SandboxJob>find("organization = ?1 and datasetId = ?2 and sqlSha256 = ?3 and createdAt >= ?4"
                        + " and createdAt < ?5 and reusedFrom is null and state in ?6 and (expiresAt is null or expiresAt > ?7)"
                        + " order by createdAt desc",
                organization, dataset, sqlSha256, period.start(), period.end(),
                List.of(JobState.SUCCEEDED, JobState.AWAITING_RELEASE, JobState.RELEASED, JobState.REJECTED), now)
                .firstResult();
    }
}

package io.pdx.contracts.runner;

import io.pdx.contracts.policy.SandboxReleaseInput.OutputColumn;

import java.time.Instant;
import java.util.List;

/**
 * What a run produced after the output controls, without any value of it: what a bureau reviewer
 * sees before release. Several fields are computed from the data (row count, suppressed groups,
 * size): the job's requester sees none of them before the result is released, and never the
 * suppressed groups.
 *
 * @param rowCount         rows in the result
 * @param suppressedGroups groups dropped for having (or, under differential privacy, not provably having) k distinct entities
 * @param rowsCapped       whether rows past the cap (or past LIMIT on released values) were dropped
 * @param rowsSuppressed   a row-level result withheld because its rows come from fewer than k distinct entities
 * @param k                the suppression threshold (before the group selection's noise, when noised); null for no k
 * @param noise            the noise mechanism applied ({@code DISCRETE_LAPLACE}) or null
 * @param epsilonMicros    ε the run used, in micro-units
 * @param deltaPicos       δ the run used, in pico-units
 * @param columns          the result's columns with tag, use and aggregate
 * @param bytes            size of the stored Arrow IPC stream
 * @param sqlSha256        SHA-256 of the statement that ran
 * @param expiresAt        when the stored result is deleted
 * @param differencingSuppressed groups of an exact result that had k distinct entities but were dropped by the
 *                         differencing check: their set of entities differed from that of a group the organization
 *                         already received from the same dataset in the period by more than zero and fewer than k
 *                         entities (not counted in {@code suppressedGroups})
 */
public record RunSummary(long rowCount, long suppressedGroups, boolean rowsCapped, boolean rowsSuppressed, Integer k,
                         String noise, long epsilonMicros, long deltaPicos, List<OutputColumn> columns, long bytes,
                         String sqlSha256, Instant expiresAt, long differencingSuppressed) {

    public RunSummary {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** A summary without differencing suppression (noised and row-level results, summaries stored before the check). */
    public RunSummary(long rowCount, long suppressedGroups, boolean rowsCapped, boolean rowsSuppressed, Integer k,
                      String noise, long epsilonMicros, long deltaPicos, List<OutputColumn> columns, long bytes,
                      String sqlSha256, Instant expiresAt) {
        this(rowCount, suppressedGroups, rowsCapped, rowsSuppressed, k, noise, epsilonMicros, deltaPicos, columns, bytes,
                sqlSha256, expiresAt, 0);
    }
}

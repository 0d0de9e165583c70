package io.pdx.contracts.sandbox;

import io.pdx.contracts.runner.RunSummary;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pdx.contracts.policy.SandboxReleaseInput.OutputColumn;

import java.time.Instant;
import java.util.List;

/**
 * What a job's result is, as its reader may see it. The bureau sees it once the run finished; the job's
 * requester only once the result is released, and never {@code suppressedGroups} (a count over groups that
 * were not released, computed from data nobody released).
 *
 * @param rowCount         rows in the result
 * @param suppressedGroups groups withheld by the output controls (under k, or by the differencing check); bureau only,
 *                         null otherwise
 * @param rowsCapped       whether rows past the row cap were dropped
 * @param rowsSuppressed   a row-level result withheld because its rows came from fewer than k entities
 * @param k                the threshold of distinct entities per group (or per row-level result)
 * @param noise            the noise mechanism ({@code DISCRETE_LAPLACE}) or null for exact output
 * @param columns          the result's columns with tag, use and aggregate
 * @param bytes            size of the Arrow IPC stream
 * @param expiresAt        when the stored result is deleted
 * @param differencingSuppressed of {@code suppressedGroups}, those the differencing check withheld (their entities
 *                         differed from a group the organization already received from the dataset in the period by more
 *                         than zero and fewer than k); bureau only, null otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResultSummary(long rowCount, Long suppressedGroups, boolean rowsCapped, boolean rowsSuppressed, Integer k,
                            String noise, List<OutputColumn> columns, long bytes, Instant expiresAt,
                            Long differencingSuppressed) {

    public ResultSummary {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** The summary of a run, with or without what only the bureau sees. */
    public static ResultSummary of(RunSummary run, boolean bureau) {
        return of(run, bureau, run.expiresAt());
    }

    /**
     * The summary with the expiry its reader is told: the requester's counts from the job's slot, not from the run's
     * end (which would tell when the run ended).
     */
    public static ResultSummary of(RunSummary run, boolean bureau, Instant expiresAt) {
        return new ResultSummary(run.rowCount(), bureau ? run.suppressedGroups() + run.differencingSuppressed() : null, run.rowsCapped(), run.rowsSuppressed(),
                run.k(), run.noise(), run.columns(), run.bytes(), expiresAt, bureau ? run.differencingSuppressed() : null);
    }
}

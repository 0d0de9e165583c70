package io.pdx.contracts.sandbox;

import io.pdx.contracts.policy.SandboxReleaseInput.OutputColumn;

import java.time.Instant;
import java.util.List;

/**
 * What a run produced after the output controls, without any value of it: what a reviewer sees.
 *
 * @param rowCount         rows in the result
 * @param suppressedGroups groups dropped for having fewer than k distinct persons or entities
 * @param rowsCapped       whether rows past the cap were dropped
 * @param k                the suppression threshold applied (before its noise, when noised), null for row-level output
 * @param noise            the noise mechanism applied ({@code LAPLACE}) or null
 * @param epsilonSpent     ε the noise used
 * @param columns          the result's columns with tag, use and aggregate
 * @param bytes            size of the stored Arrow IPC stream
 * @param sqlSha256        SHA-256 of the statement that ran
 * @param expiresAt        when the stored result is deleted
 */
public record RunSummary(long rowCount, long suppressedGroups, boolean rowsCapped, Integer k, String noise,
                         double epsilonSpent, List<OutputColumn> columns, long bytes, String sqlSha256, Instant expiresAt) {

    public RunSummary {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}

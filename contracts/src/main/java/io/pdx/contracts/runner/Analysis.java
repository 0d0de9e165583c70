package io.pdx.contracts.runner;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxReleaseInput.OutputColumn;

import java.util.List;
import java.util.Map;

/**
 * What the static analysis found in an accepted statement.
 *
 * @param sql            the statement regenerated from the validated tree: what will run
 * @param sqlSha256      its SHA-256
 * @param columnsByAlias the columns the statement reads, per dataset alias
 * @param output         the result's columns with their tag, use and aggregate
 * @param aggregate      whether the result is aggregated (groups) rather than row-level
 * @param controls       the output controls the statement was checked against (the runner asked OPA for them):
 *                       what a client needs to know of them before admission, e.g. the privacy budget's period
 * @param slotMillis     the job's slot: how long after its start its outcome becomes visible, fixed from the statement's
 *                       cost units and the sizes of the tables it reads, never their values ({@code ControlsResult.Timing})
 */
public record Analysis(String sql, String sqlSha256, Map<String, List<String>> columnsByAlias, List<OutputColumn> output,
                       boolean aggregate, ControlsResult controls, long slotMillis) {
}

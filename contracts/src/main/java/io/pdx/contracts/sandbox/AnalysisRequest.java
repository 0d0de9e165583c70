package io.pdx.contracts.sandbox;

import io.pdx.contracts.policy.ControlsResult;

import java.util.List;

/**
 * sandbox-runner {@code POST /internal/v1/analysis}: check a statement against the licensed datasets
 * and the controls of their grade, without running it.
 *
 * @param untaggedOutputUses uses allowed for an output with no source column (COUNT(*)), from policy data
 */
public record AnalysisRequest(String sql, List<SandboxDataset> datasets, ControlsResult controls,
                              List<String> untaggedOutputUses) {

    public AnalysisRequest {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        untaggedOutputUses = untaggedOutputUses == null ? List.of() : List.copyOf(untaggedOutputUses);
    }
}

package io.pdx.contracts.runner;

import java.util.List;

/**
 * sandbox-runner {@code POST /internal/v1/analysis}: check a statement against the licensed datasets
 * without running it. The runner asks OPA itself for the controls of their grade.
 */
public record AnalysisRequest(String sql, List<SandboxDataset> datasets) {

    public AnalysisRequest {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }
}

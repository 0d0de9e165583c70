package io.pdx.contracts.sandbox;

import io.pdx.contracts.policy.ControlsResult;

import java.util.List;
import java.util.UUID;

/**
 * sandbox-runner {@code POST /internal/v1/jobs/{id}/run}: run an admitted job. The runner checks the
 * statement again and runs only what it regenerates from the validated tree.
 *
 * @param epsilon ε charged for the job (0 when the grade adds no noise)
 */
public record RunRequest(UUID jobId, String sql, List<SandboxDataset> datasets, ControlsResult controls,
                         List<String> untaggedOutputUses, double epsilon) {

    public RunRequest {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        untaggedOutputUses = untaggedOutputUses == null ? List.of() : List.copyOf(untaggedOutputUses);
    }
}

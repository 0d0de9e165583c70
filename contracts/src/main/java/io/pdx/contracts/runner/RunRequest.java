package io.pdx.contracts.runner;

import java.util.List;
import java.util.UUID;

/**
 * sandbox-runner {@code POST /internal/v1/jobs/{id}/run}: run an admitted job. The runner checks the
 * statement again, runs only what it regenerates from the validated tree, and takes the output
 * controls from OPA itself — for the stricter of the grade given here and the grade its own
 * manifest records — so that no caller can loosen them.
 *
 * @param epsilonMicros ε charged for the job in micro-units; where the grade adds noise it must lie
 *                      within the grade's [ε min, ε max], else nothing runs
 * @param timeLimitMillis how long the run may take from its receipt (the job's slot less its margin, as the
 *                      caller has left it); 0 for the runner's own limit. The runner stops the run at the smaller of
 *                      the two, whatever it is doing
 */
public record RunRequest(UUID jobId, String sql, List<SandboxDataset> datasets, long epsilonMicros, long timeLimitMillis) {

    public RunRequest {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    public RunRequest(UUID jobId, String sql, List<SandboxDataset> datasets, long epsilonMicros) {
        this(jobId, sql, datasets, epsilonMicros, 0);
    }
}

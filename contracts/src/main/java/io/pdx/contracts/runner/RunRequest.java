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
 * @param organization  the organization the job runs for, and
 * @param period        the budget period it runs in (e.g. {@code 2026}, the calendar year in the bureau's time zone):
 *                      exact aggregates are checked against the entity sets of the groups this organization already
 *                      received from the same dataset in the same period (the differencing check). Without them an
 *                      exact aggregate under k is not run
 */
public record RunRequest(UUID jobId, String sql, List<SandboxDataset> datasets, long epsilonMicros, long timeLimitMillis,
                         String organization, String period) {

    public RunRequest {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    /** Without organization and period: only runs that need no differencing check (noised or row-level) go through. */
    public RunRequest(UUID jobId, String sql, List<SandboxDataset> datasets, long epsilonMicros, long timeLimitMillis) {
        this(jobId, sql, datasets, epsilonMicros, timeLimitMillis, null, null);
    }

    public RunRequest(UUID jobId, String sql, List<SandboxDataset> datasets, long epsilonMicros) {
        this(jobId, sql, datasets, epsilonMicros, 0);
    }
}

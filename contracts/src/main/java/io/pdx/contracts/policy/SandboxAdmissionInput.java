package io.pdx.contracts.policy;

import java.util.List;

/**
 * Input of package {@code pdx.sandbox} for a job about to run. Answers, all read with this input:
 * <ul>
 *   <li>{@code data.pdx.sandbox.admission}: a {@link PolicyDecision}, outcome {@code ADMIT} or {@code DENY}
 *       ({@code data.pdx.sandbox.decision} is the same document);</li>
 *   <li>{@code data.pdx.sandbox.controls}: a {@link ControlsResult}, the output controls of the highest grade
 *       among the job's datasets; undefined when the job names no dataset;</li>
 *   <li>{@code data.pdx.sandbox.charge}: the ε (micro-units) and δ (pico-units) to charge before the run, 0 without noise.</li>
 * </ul>
 * Component names are the JSON keys the Rego reads, hence snake_case.
 *
 * @param subject who submits the job (its {@code organization} must own the license)
 * @param license the license the job runs under
 * @param usage   what the license used this month and what the organization spent of its privacy budget
 * @param job     the job
 */
public record SandboxAdmissionInput(Subject subject, License license, Usage usage, Job job) {

    /**
     * @param id           license id
     * @param status       license state; only {@code ACTIVE} is admitted (configurable)
     * @param organization the licensee organization id
     * @param mode         {@code SANDBOX} (a {@code DELIVERY} license runs no jobs)
     * @param term_start   ISO date the term starts (from the start of that day); null skips the check
     * @param term_end     ISO date (valid through that day) or RFC 3339 timestamp; null skips the check
     * @param scope        the datasets and columns the license covers
     * @param quota        the license's quota; null uses the configured default
     */
    public record License(
            String id,
            String status,
            String organization,
            String mode,
            String term_start,
            String term_end,
            List<ScopeEntry> scope,
            Quota quota) {

        public License {
            scope = scope == null ? List.of() : List.copyOf(scope);
        }
    }

    /** One licensed dataset and the columns licensed from it. */
    public record ScopeEntry(String dataset_id, List<String> columns) {

        public ScopeEntry {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /** @param calls_per_month jobs per calendar month; null uses the configured default */
    public record Quota(Long calls_per_month) {
    }

    /**
     * @param calls_this_month     jobs already admitted under the license this month
     * @param epsilon_spent_micros ε the organization already spent on the job's datasets this budget period (micro-units)
     * @param delta_spent_picos    δ the organization already spent on them this budget period (pico-units)
     */
    public record Usage(long calls_this_month, long epsilon_spent_micros, long delta_spent_picos) {
    }

    /**
     * @param id            job id
     * @param datasets      the datasets the statement reads under this license (scope, columns and budget are checked)
     * @param epsilon       ε the job asks to spend; null means the middle of the grade's range
     * @param reuses_result the statement was asked before and is answered from that result: it costs nothing
     * @param joined        the datasets the statement also reads under the organization's other licenses (a clean room),
     *                      each admitted by a decision of its own: here their grades count for the controls (就高从严),
     *                      not the scope
     */
    public record Job(String id, List<JobDataset> datasets, Double epsilon, boolean reuses_result, List<JobDataset> joined) {

        public Job {
            datasets = datasets == null ? List.of() : List.copyOf(datasets);
            joined = joined == null ? List.of() : List.copyOf(joined);
        }

        public Job(String id, List<JobDataset> datasets, Double epsilon, boolean reuses_result) {
            this(id, datasets, epsilon, reuses_result, List.of());
        }
    }

    /**
     * @param dataset_id dataset id
     * @param grade      its grade; missing or unknown is treated as CORE
     * @param columns    the columns the statement references
     */
    public record JobDataset(String dataset_id, String grade, List<String> columns) {

        public JobDataset {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }
}

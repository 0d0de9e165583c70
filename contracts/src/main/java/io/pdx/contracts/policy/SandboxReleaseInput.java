package io.pdx.contracts.policy;

import java.util.List;

/**
 * Input of package {@code pdx.sandbox} for a finished job's result. Answer:
 * {@code data.pdx.sandbox.release}, a {@link PolicyDecision} with outcome {@code AUTO} (the only
 * outcome with {@code allow == true}), {@code REVIEW} (bureau review) or {@code DENY}.
 * Component names are the JSON keys the Rego reads, hence snake_case.
 *
 * @param subject who submitted the job
 * @param job     the job
 * @param result  what the output controls produced
 */
public record SandboxReleaseInput(Subject subject, Job job, Result result) {

    /**
     * @param id          job id
     * @param datasets    the datasets the statement read, with their grades
     * @param template_id the query template the job was made from, or null
     */
    public record Job(String id, List<JobDataset> datasets, String template_id) {

        public Job {
            datasets = datasets == null ? List.of() : List.copyOf(datasets);
        }
    }

    /** @param grade missing or unknown is treated as CORE */
    public record JobDataset(String dataset_id, String grade) {
    }

    /**
     * @param row_count     rows in the result after suppression
     * @param noise_applied whether noise was added (required when the controls name a noise)
     * @param columns       the result's columns
     */
    public record Result(long row_count, boolean noise_applied, List<OutputColumn> columns) {

        public Result {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /**
     * @param name      output column name
     * @param tag       the strictest tag among the source columns, or null when it has none (COUNT(*))
     * @param use       {@code SELECT} (row-level), {@code GROUP_BY} (group key) or {@code AGGREGATE}
     * @param aggregate the aggregate function ({@code COUNT}, {@code SUM}, …) when use is AGGREGATE, else null
     */
    public record OutputColumn(String name, String tag, String use, String aggregate) {
    }
}

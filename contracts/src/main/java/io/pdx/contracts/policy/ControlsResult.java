package io.pdx.contracts.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The output controls for a sandbox job: {@code data.pdx.sandbox.controls}, evaluated with a
 * {@link SandboxAdmissionInput}. They are the {@code sandbox} entry of the grade matrix in
 * {@code policy/data.json} for the highest grade among the job's datasets (就高从严).
 * Component names are the JSON keys, hence snake_case; keys added to the matrix later are ignored.
 *
 * @param grade                     the grade the controls come from
 * @param allowed                   false for a grade never processed (CORE): run nothing
 * @param k                         minimum distinct persons or entities per output group; null when nothing may be output
 * @param k_noised                  whether the suppression threshold itself is noised
 * @param k_noise_scale             scale of the integer Laplace noise on the threshold, when noised
 * @param noise                     noise mechanism ({@code LAPLACE}) or null for none
 * @param epsilon_per_query         ε limit per query, null without noise
 * @param epsilon_per_license_month ε budget per license per calendar month, null without noise
 * @param row_cap                   maximum rows per result
 * @param row_level_output          whether row-level (non-aggregated) output is allowed at all
 * @param aggregates                aggregate functions allowed in the output
 * @param noised_aggregates         aggregate functions that get noise
 * @param joins                     join kinds allowed (on declared keys only)
 * @param join_keys_in_output       whether a join key may appear in the output
 * @param column_uses               per column tag, the uses allowed: {@code SELECT}, {@code AGGREGATE},
 *                                  {@code GROUP_BY}, {@code WHERE}, {@code JOIN}
 * @param release                   release kind of the grade: {@code AUTO}, {@code REVIEW} or {@code DENY}
 * @param template_auto_release     whether a pre-approved template releases automatically
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ControlsResult(
        String grade,
        boolean allowed,
        Integer k,
        boolean k_noised,
        Double k_noise_scale,
        String noise,
        Double epsilon_per_query,
        Double epsilon_per_license_month,
        long row_cap,
        boolean row_level_output,
        List<String> aggregates,
        List<String> noised_aggregates,
        List<String> joins,
        boolean join_keys_in_output,
        Map<String, List<String>> column_uses,
        String release,
        boolean template_auto_release) {

    public ControlsResult {
        aggregates = aggregates == null ? List.of() : List.copyOf(aggregates);
        noised_aggregates = noised_aggregates == null ? List.of() : List.copyOf(noised_aggregates);
        joins = joins == null ? List.of() : List.copyOf(joins);
        column_uses = column_uses == null ? Map.of() : Map.copyOf(column_uses);
    }
}

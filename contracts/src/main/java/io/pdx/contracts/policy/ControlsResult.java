package io.pdx.contracts.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * The output controls for a sandbox job: {@code data.pdx.sandbox.controls}, evaluated with a
 * {@link SandboxAdmissionInput}. They are the {@code sandbox} entry of the grade matrix in
 * {@code policy/data.json} for the highest grade among the job's datasets (就高从严), with the settings
 * every grade shares. Component names are the JSON keys, hence snake_case; keys added later are ignored.
 *
 * @param grade                  the grade the controls come from
 * @param allowed                false for a grade never processed (CORE): run nothing
 * @param k                      minimum distinct persons or entities per output group (every joined dataset); null when nothing may be output
 * @param k_noised               true where groups are selected by a differentially private threshold on a noisy
 *                               distinct-entity count (a group under k passes with probability at most δ) instead of an exact count
 * @param noise                  the noise mechanism ({@code DISCRETE_LAPLACE}) or null for exact output
 * @param epsilon_min            smallest ε a query may spend (null without noise)
 * @param epsilon_max            largest ε a query may spend
 * @param delta_per_query        δ of one query (group selection), charged with its ε
 * @param max_rows_per_entity    contribution bound: rows one entity contributes to a query (the rest dropped at random)
 * @param max_groups_per_entity  contribution bound: groups one entity contributes to
 * @param budget                 ε and δ per organization and dataset per period, or null without noise
 * @param row_cap                maximum rows per result
 * @param row_level_output       whether row-level (non-aggregated) output is allowed at all
 * @param aggregates             aggregate functions allowed in the output
 * @param noised_aggregates      aggregate functions that get noise
 * @param joins                  join kinds allowed (on declared join keys of different datasets only)
 * @param join_keys_in_output    whether a join key may appear in the output
 * @param column_uses            per column tag, the uses allowed in an aggregate statement: {@code AGGREGATE},
 *                               {@code GROUP_BY}, {@code WHERE}, {@code JOIN}, {@code ENTITY_COUNT} (count(DISTINCT entity))
 * @param row_level_column_uses  per column tag, the uses allowed in a row-level statement: {@code SELECT}, {@code WHERE}, {@code JOIN}
 * @param order_statistics_refused tags whose columns MIN and MAX may never read (every grade)
 * @param release                release kind of the grade: {@code AUTO}, {@code REVIEW} or {@code DENY}
 * @param template_auto_release  whether a pre-approved template releases automatically
 * @param cost                   the guard's cost model: what no statement may exceed per row (every grade)
 * @param timing                 how long a job's slot lasts, from the statement and the sizes of the tables only
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ControlsResult(
        String grade,
        boolean allowed,
        Integer k,
        boolean k_noised,
        String noise,
        Double epsilon_min,
        Double epsilon_max,
        Double delta_per_query,
        Integer max_rows_per_entity,
        Integer max_groups_per_entity,
        Budget budget,
        long row_cap,
        boolean row_level_output,
        List<String> aggregates,
        List<String> noised_aggregates,
        List<String> joins,
        boolean join_keys_in_output,
        Map<String, List<String>> column_uses,
        Map<String, List<String>> row_level_column_uses,
        List<String> order_statistics_refused,
        String release,
        boolean template_auto_release,
        Cost cost,
        Timing timing) {

    public ControlsResult {
        aggregates = aggregates == null ? List.of() : List.copyOf(aggregates);
        noised_aggregates = noised_aggregates == null ? List.of() : List.copyOf(noised_aggregates);
        joins = joins == null ? List.of() : List.copyOf(joins);
        column_uses = column_uses == null ? Map.of() : Map.copyOf(column_uses);
        row_level_column_uses = row_level_column_uses == null ? Map.of() : Map.copyOf(row_level_column_uses);
        order_statistics_refused = order_statistics_refused == null ? List.of() : List.copyOf(order_statistics_refused);
    }

    /** Whether results of these controls are differentially private (noise and a noisy group threshold). */
    public boolean differentiallyPrivate() {
        return noise != null;
    }

    /**
     * The privacy budget of one organization on one dataset.
     *
     * @param epsilon ε per period
     * @param delta   δ per period
     * @param period    {@code YEAR} (calendar year) or {@code MONTH} (calendar month)
     * @param time_zone the bureau's time zone the period follows, e.g. {@code Asia/Shanghai}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Budget(double epsilon, double delta, String period, String time_zone) {
    }

    /**
     * The guard's cost model (Fuzz's "no construct whose cost a value can blow up"): a pattern match is a string
     * literal of at most {@code max_like_length} characters with at most {@code max_like_wildcards} {@code %}
     * (and at most one {@code %} where it also has {@code _}: only then does matching backtrack); a statement costs
     * one unit per expression node evaluated per row, a pattern one per character, at most {@code max_row_units}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cost(int max_like_wildcards, int max_like_length, int max_row_units) {
    }

    /**
     * A job's slot (Fuzz's predictable transactions): {@code base_ms + rows × (row_ns + units × unit_ns) / 10^6},
     * rounded up to {@code grid_ms}; the run is stopped {@code margin_ms} before the slot ends, and the job's
     * outcome is shown to its requester when it ends, never earlier. A statement whose slot would exceed
     * {@code max_ms} is refused before it runs. An organization has at most {@code max_pending} jobs whose slots
     * have not ended: its slots follow one another, so one tenant never holds more than one run at a time. A slot
     * begins {@code admission_ms} after its submission arrived (the admission's allowance: the runner's analysis, OPA,
     * the locks), so that how long the admission took never moves the outcome's time; only an admission that overruns
     * its allowance starts its slot when it ends (0: always then).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Timing(long base_ms, long row_ns, long unit_ns, long grid_ms, long margin_ms, long max_ms, int max_pending,
                         long admission_ms) {

        /** The slot of a statement of {@code units} per row over {@code rows} rows, in milliseconds. */
        public long slotMillis(long rows, long units) {
            long perRowNanos = Math.addExact(row_ns, Math.multiplyExact(units, unit_ns));
            long work = Math.multiplyExact(rows, perRowNanos) / 1_000_000 + 1;
            long slot = Math.addExact(base_ms, work);
            long grid = Math.max(1, grid_ms);
            return Math.multiplyExact((slot + grid - 1) / grid, grid);
        }
    }
}

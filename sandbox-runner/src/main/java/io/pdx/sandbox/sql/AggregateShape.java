package io.pdx.sandbox.sql;

import java.math.BigDecimal;
import java.util.List;

/**
 * An aggregate statement taken apart for differentially private execution: its tables, filter, group
 * keys and outputs as SQL over the licensed views (every expression that reads a value already in a
 * form that cannot fail), and the clauses that act on aggregates — HAVING, ORDER BY, LIMIT, OFFSET —
 * kept aside, to be applied to the released (noised) values rather than to exact ones.
 *
 * @param from      the FROM clause with its joins
 * @param where     the filter, or null
 * @param entity    the entity (privacy unit) column, qualified: of the one dataset whose grade adds noise
 * @param joinedEntities the entity columns, qualified, of the other public datasets the statement joins (each is counted
 *                  for k by its own noisy threshold); own tables have none
 * @param groupKeys the GROUP BY expressions
 * @param outputs   the output columns, in order
 * @param having    conditions on released values, all of which a released row must meet
 * @param orderBy   ordering of the released rows (by output); empty: by the group keys
 * @param limit     LIMIT on the released rows, or null
 * @param offset    OFFSET on the released rows, or null
 */
public record AggregateShape(String from, String where, String entity, List<String> joinedEntities, List<String> groupKeys,
                             List<Output> outputs,
                             List<ReleasedFilter> having, List<ReleasedOrder> orderBy, Long limit, Long offset) {

    public AggregateShape {
        joinedEntities = List.copyOf(joinedEntities);
        groupKeys = List.copyOf(groupKeys);
        outputs = List.copyOf(outputs);
        having = List.copyOf(having);
        orderBy = List.copyOf(orderBy);
    }

    /**
     * One output: a group key ({@code groupKey >= 0}) or an aggregate.
     *
     * @param name      output name
     * @param groupKey  index into {@link #groupKeys()}, or -1 for an aggregate
     * @param aggregate {@code COUNT}, {@code COUNT_DISTINCT} (of the entity), {@code SUM} or {@code AVG}; null for a group key
     * @param argument  the aggregate's argument as SQL, null for {@code count(*)} and the entity count
     * @param bounds    the declared clamping bounds and grid of a SUM or AVG argument, else null
     */
    public record Output(String name, int groupKey, String aggregate, String argument, ValueBounds bounds) {
    }

    /** The declared range and grid of a summed value (the hull of the bounded columns its argument reads). */
    public record ValueBounds(BigDecimal lower, BigDecimal upper, BigDecimal granularity) {
    }

    /** {@code output > value} or, inclusive, {@code output >= value}. */
    public record ReleasedFilter(int output, boolean inclusive, BigDecimal value) {
    }

    /** One ORDER BY key over an output. DuckDB's default: ascending, NULLs last. */
    public record ReleasedOrder(int output, boolean ascending, boolean nullsFirst) {
    }
}

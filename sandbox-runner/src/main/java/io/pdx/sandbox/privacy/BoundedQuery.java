package io.pdx.sandbox.privacy;

import io.pdx.sandbox.sql.AggregateShape;

import java.util.ArrayList;
import java.util.List;

/**
 * The statement a differentially private job runs: the developer's aggregate, rewritten so that each entity
 * contributes at most {@code max_groups_per_entity} groups and {@code max_rows_per_entity} rows, chosen
 * uniformly at random per entity after the filter, with summed values clamped to their declared bounds and
 * counted in whole units of their grid. Layers, innermost first:
 * <ol>
 *   <li>the filtered rows of entities that are not NULL: a hash of the entity, the group keys, each aggregate's
 *       argument (clamped and in grid units for SUM and AVG);</li>
 *   <li>where the group bound cuts anything: a random rank of each of the entity's groups
 *       ({@code dense_rank} over a hash of the entity, the group keys and a seed drawn per run: each entity keeps its
 *       own random choice of groups, so no group loses more than its share of what the bound cuts);</li>
 *   <li>a random order of the entity's rows in those groups ({@code row_number() OVER (PARTITION BY entity ORDER BY
 *       random())}); where the statement groups and counts distinct entities, one random row of each of the entity's
 *       groups first ({@code row_number() OVER (PARTITION BY entity, group keys ORDER BY random()) > 1}), then the
 *       rest at random;</li>
 *   <li>the first {@code max_rows_per_entity} of them, aggregated exactly: counts, sums in units, the distinct
 *       entities. Noise and the group threshold are added by {@link PrivateAggregation} on these.</li>
 * </ol>
 * With COUNT(DISTINCT entity) the row bound thus never drops a group the entity keeps (it keeps at most
 * {@code min(max_rows, max_groups)} groups, each with a row): each group's count of distinct entities is what the
 * group bound leaves, not less (before, an entity with 30 rows in one group and 1 in another lost the second in 2
 * runs of 3). Without it that extra window (about a quarter more time on 5 million rows) buys nothing an
 * aggregate shows: the threshold's entity count may then miss the rare entity whose kept rows skip one of its
 * groups, which only makes the group's release less likely. Either way what one entity contributes depends on
 * its own rows and the run's randomness only: at most {@code max_rows_per_entity} rows in at most
 * {@code max_groups_per_entity} groups.
 * In a clean room the rows are those of the join, each counted for the entity of the one dataset under noise (the
 * privacy unit): what one such entity brings in through the join — however many rows of an own table or another
 * dataset match it — is bounded like its own rows. The entities of the other public datasets joined are counted
 * per group on the bounded rows (for their own noisy k thresholds: one entity of the privacy unit changes these
 * counts by at most {@code max_rows_per_entity} in all, one per kept row).
 * Entities are told apart by a 64-bit hash of the entity value: two entities whose hashes collide (about one
 * chance in 10^13 among a million) are bounded together, which only lowers what either contributes.
 */
final class BoundedQuery {

    static final String ENTITY = "\"__pdx_h\"";
    static final String ENTITIES = "__pdx_entities";
    private static final String GROUP_RANK = "\"__pdx_gr\"";
    private static final String ROW_RANK = "\"__pdx_rn\"";
    private static final String GROUP_ROW = "\"__pdx_gn\"";

    private BoundedQuery() {
    }

    static String sql(AggregateShape shape, List<NoisedAggregate> aggregates, Contribution contribution, long seed) {
        List<String> inner = new ArrayList<>();
        inner.add("hash(" + shape.entity() + ") AS " + ENTITY);
        for (int i = 0; i < shape.joinedEntities().size(); i++) {
            String joined = shape.joinedEntities().get(i);
            inner.add("CASE WHEN " + joined + " IS NULL THEN NULL ELSE hash(" + joined + ") END AS " + joinedEntity(i));
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < shape.groupKeys().size(); i++) {
            keys.add(key(i));
            inner.add(shape.groupKeys().get(i) + " AS " + key(i));
        }
        List<String> exact = new ArrayList<>();
        int aggregateIndex = 0;
        List<String> outer = new ArrayList<>();
        for (int i = 0; i < shape.outputs().size(); i++) {
            AggregateShape.Output output = shape.outputs().get(i);
            if (output.aggregate() == null) {
                outer.add(key(output.groupKey()) + " AS " + quoted(output.name()));
                continue;
            }
            NoisedAggregate aggregate = aggregates.get(aggregateIndex++);
            String argument = null;
            if (output.argument() != null) {
                argument = argument(i);
                inner.add((output.bounds() != null ? aggregate.clampedUnitsSql(output.argument()) : output.argument()) + " AS " + argument);
            }
            exact.add(aggregate.exactSql(argument, ENTITY));
        }
        String where = shape.entity() + " IS NOT NULL" + (shape.where() == null ? "" : " AND " + shape.where());
        String rows = "SELECT " + String.join(", ", inner) + " FROM " + shape.from() + " WHERE " + where;
        String groups = rows;
        String groupFilter = "";
        if (!keys.isEmpty() && contribution.boundsGroups()) {
            groups = "SELECT *, dense_rank() OVER (PARTITION BY " + ENTITY + " ORDER BY hash(" + ENTITY + ", " + String.join(", ", keys)
                    + ", " + seed + "), " + String.join(", ", keys) + ") AS " + GROUP_RANK + " FROM (" + rows + ")";
            groupFilter = " WHERE " + GROUP_RANK + " <= " + contribution.maxGroups();
        }
        String ranked;
        boolean countsDistinct = aggregates.stream().anyMatch(a -> "COUNT_DISTINCT".equals(a.aggregate()));
        if (keys.isEmpty() || !countsDistinct) {
            ranked = "SELECT *, row_number() OVER (PARTITION BY " + ENTITY + " ORDER BY random()) AS " + ROW_RANK
                    + " FROM (" + groups + ")" + groupFilter;
        } else {
            String inGroup = "SELECT *, row_number() OVER (PARTITION BY " + ENTITY + ", " + String.join(", ", keys)
                    + " ORDER BY random()) AS " + GROUP_ROW + " FROM (" + groups + ")" + groupFilter;
            ranked = "SELECT *, row_number() OVER (PARTITION BY " + ENTITY + " ORDER BY " + GROUP_ROW + " > 1, random()) AS "
                    + ROW_RANK + " FROM (" + inGroup + ")";
        }
        outer.addAll(exact);
        outer.add("count(DISTINCT " + ENTITY + ") AS \"" + ENTITIES + "\"");
        for (int i = 0; i < shape.joinedEntities().size(); i++) {
            outer.add("count(DISTINCT " + joinedEntity(i) + ") AS \"" + joinedEntities(i) + "\"");
        }
        return "SELECT " + String.join(", ", outer) + " FROM (" + ranked + ") WHERE " + ROW_RANK + " <= " + contribution.maxRows()
                + (keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys));
    }

    /** The distinct entities of the {@code index}th other public dataset in a group, counted on the bounded rows. */
    static String joinedEntities(int index) {
        return ENTITIES + "_joined_" + index;
    }

    private static String joinedEntity(int index) {
        return "\"__pdx_j" + index + "\"";
    }

    private static String key(int index) {
        return "\"__pdx_k" + index + "\"";
    }

    private static String argument(int index) {
        return "\"__pdx_a" + index + "\"";
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }
}

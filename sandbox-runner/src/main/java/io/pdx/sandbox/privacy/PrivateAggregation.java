package io.pdx.sandbox.privacy;

import io.pdx.sandbox.sql.AggregateShape;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The differentially private output control of one aggregate job (entity-level DP): the
 * {@link BoundedQuery bounded statement} to run, then, on its exact per-group aggregates, the
 * {@link GroupSelection noisy group threshold} and {@link NoisedAggregate discrete Laplace noise} on every
 * aggregate. The query's ε is split evenly into shares: one for the group selection, one per other public dataset
 * joined (its own noisy k threshold) and one per noisy quantity (two for AVG). Nothing exact leaves: the hidden columns are read here only, and the released
 * rows carry noised values on their grids.
 */
public final class PrivateAggregation {

    private final AggregateShape shape;
    private final Contribution contribution;
    private final List<NoisedAggregate> aggregates = new ArrayList<>();
    private final GroupSelection selection;
    /** One per other public dataset joined: its distinct entities in a group must pass k too, under their own noise. */
    private final List<GroupSelection> joinedSelections = new ArrayList<>();
    private final long epsilonMicros;
    private final int shares;
    private final String sql;
    private long suppressedGroups;

    /**
     * @param k             groups under k entities are released with probability at most {@code delta}
     * @param delta         δ of the query
     * @param contribution  the grade's contribution bounds
     * @param epsilonMicros the query's ε in micro-units
     * @param seed          a fresh random number per run (the random choice of each entity's groups)
     */
    public PrivateAggregation(AggregateShape shape, int k, double delta, Contribution contribution, long epsilonMicros,
                              DiscreteLaplace noise, long seed) {
        this.shape = shape;
        this.contribution = contribution;
        this.epsilonMicros = epsilonMicros;
        int parts = 1 + shape.joinedEntities().size();
        for (AggregateShape.Output output : shape.outputs()) {
            if (output.aggregate() != null) {
                parts += NoisedAggregate.sharesOf(output.aggregate());
            }
        }
        this.shares = parts;
        for (int i = 0; i < shape.outputs().size(); i++) {
            AggregateShape.Output output = shape.outputs().get(i);
            if (output.aggregate() != null) {
                aggregates.add(new NoisedAggregate(i, output, contribution, epsilonMicros, shares, noise));
            }
        }
        this.selection = new GroupSelection(k, delta, contribution.groupsReached(), epsilonMicros, shares, noise);
        for (int i = 0; i < shape.joinedEntities().size(); i++) {
            // one entity of the privacy unit brings at most max_rows rows, each one joined entity into one group: the
            // counts' L1 sensitivity is max_rows (the counts themselves are of the joined dataset, whose k they keep)
            joinedSelections.add(new GroupSelection(k, delta, contribution.maxRows(), epsilonMicros, shares, noise));
        }
        this.sql = BoundedQuery.sql(shape, aggregates, contribution, seed);
    }

    /** The bounded statement to run. */
    public String sql() {
        return sql;
    }

    /** The shares the query's ε is split into (the group selection and each noisy quantity). */
    public int shares() {
        return shares;
    }

    public long threshold() {
        return selection.threshold();
    }

    public long suppressedGroups() {
        return suppressedGroups;
    }

    /**
     * The released columns: the group keys as the statement computes them, the aggregates as noised values
     * ({@code Int64} counts, decimals on their grid), each with its mechanism in the field metadata.
     */
    public Schema releasedSchema(Schema source, Map<String, Map<String, String>> columnMetadata) {
        List<Field> fields = new ArrayList<>();
        int aggregateIndex = 0;
        for (AggregateShape.Output output : shape.outputs()) {
            Map<String, String> metadata = new LinkedHashMap<>(columnMetadata.getOrDefault(output.name(), Map.of()));
            if (output.aggregate() == null) {
                Field key = source.findField(output.name());
                metadata.put("pdx.noised", "false");
                fields.add(new Field(output.name(), new FieldType(true, key.getType(), key.getDictionary(), metadata), key.getChildren()));
            } else {
                NoisedAggregate aggregate = aggregates.get(aggregateIndex++);
                metadata.putAll(aggregate.metadata(contribution));
                fields.add(new Field(output.name(), new FieldType(true, aggregate.releasedType(), null, metadata), null));
            }
        }
        return new Schema(fields);
    }

    /**
     * The schema-level metadata of the mechanism: ε and δ, the shares, the contribution bounds, the group
     * threshold and its ε.
     */
    public Map<String, String> metadata(double delta) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("pdx.noise", "DISCRETE_LAPLACE");
        metadata.put("pdx.epsilon", java.math.BigDecimal.valueOf(epsilonMicros, 6).stripTrailingZeros().toPlainString());
        metadata.put("pdx.delta", java.math.BigDecimal.valueOf(delta).stripTrailingZeros().toPlainString());
        metadata.put("pdx.epsilon_shares", Integer.toString(shares));
        metadata.put("pdx.max_rows_per_entity", Integer.toString(contribution.maxRows()));
        metadata.put("pdx.max_groups_per_entity", Integer.toString(contribution.maxGroups()));
        metadata.put("pdx.group_selection", "noisy distinct-entity count >= threshold");
        metadata.put("pdx.group_threshold", Long.toString(selection.threshold()));
        if (!joinedSelections.isEmpty()) {
            metadata.put("pdx.joined_entity_threshold", Long.toString(joinedSelections.get(0).threshold()));
        }
        return metadata;
    }

    /**
     * Appends the released rows of one batch of exact aggregates to {@code released}: each group passes the
     * noisy threshold or is suppressed, and a passing group's aggregates are noised.
     */
    public void accept(VectorSchemaRoot source, VectorSchemaRoot released) {
        BigIntVector entities = (BigIntVector) source.getVector(BoundedQuery.ENTITIES);
        int at = released.getRowCount();
        for (int row = 0; row < source.getRowCount(); row++) {
            long exactEntities = entities.isNull(row) ? 0 : entities.get(row);
            boolean passes = selection.releases(exactEntities);
            for (int i = 0; i < joinedSelections.size(); i++) {
                BigIntVector joined = (BigIntVector) source.getVector(BoundedQuery.joinedEntities(i));
                passes &= joinedSelections.get(i).releases(joined.isNull(row) ? 0 : joined.get(row));
            }
            if (!passes) {
                suppressedGroups++;
                continue;
            }
            int aggregateIndex = 0;
            for (AggregateShape.Output output : shape.outputs()) {
                FieldVector target = released.getVector(output.name());
                if (output.aggregate() == null) {
                    target.copyFromSafe(row, at, source.getVector(output.name()));
                } else {
                    aggregates.get(aggregateIndex++).release(source, row, target, at);
                }
            }
            at++;
            released.setRowCount(at);
        }
    }
}

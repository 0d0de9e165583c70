package io.pdx.sandbox.privacy;

import io.pdx.sandbox.sql.AggregateShape;
import io.pdx.sandbox.sql.AggregateShape.Output;
import io.pdx.sandbox.sql.AggregateShape.ValueBounds;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the bounded statement hands the mechanism, built by hand on Arrow vectors: per group the key, the exact
 * count, the exact sum of clamped values in grid units, and the distinct entities. The shape is
 * {@code SELECT g, count(*) AS n, sum(x) AS s, avg(x) AS a, count(DISTINCT e) AS p … GROUP BY g} with
 * x declared in [0, 500] on a grid of 0.01.
 */
final class ExactAggregates {

    static final ValueBounds AMOUNT = new ValueBounds(new BigDecimal("0"), new BigDecimal("500"), new BigDecimal("0.01"));
    static final AggregateShape SHAPE = new AggregateShape("t", null, "t.e", List.of(), List.of("t.g"), List.of(
            new Output("g", 0, null, null, null),
            new Output("n", -1, "COUNT", null, null),
            new Output("s", -1, "SUM", "t.x", AMOUNT),
            new Output("a", -1, "AVG", "t.x", AMOUNT),
            new Output("p", -1, "COUNT_DISTINCT", null, null)), List.of(), List.of(), null, null);

    /** One group's exact aggregates: rows, the sum in units of 0.01, the sum centred on 250 for AVG, entities. */
    record Group(String key, long rows, long sumUnits, long entities) {
    }

    private ExactAggregates() {
    }

    static VectorSchemaRoot of(BufferAllocator allocator, List<Group> groups) {
        Schema schema = new Schema(List.of(
                field("g", new ArrowType.Utf8()),
                field("__pdx_c1", new ArrowType.Int(64, true)),
                field("__pdx_s2", new ArrowType.Decimal(38, 0, 128)),
                field("__pdx_s3", new ArrowType.Decimal(38, 0, 128)),
                field("__pdx_n3", new ArrowType.Int(64, true)),
                field("__pdx_c4", new ArrowType.Int(64, true)),
                field("__pdx_entities", new ArrowType.Int(64, true))));
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        root.allocateNew();
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            ((VarCharVector) root.getVector("g")).setSafe(i, group.key().getBytes(StandardCharsets.UTF_8));
            ((BigIntVector) root.getVector("__pdx_c1")).setSafe(i, group.rows());
            ((DecimalVector) root.getVector("__pdx_s2")).setSafe(i, BigDecimal.valueOf(group.sumUnits()));
            ((DecimalVector) root.getVector("__pdx_s3")).setSafe(i, BigDecimal.valueOf(group.sumUnits() - 25_000 * group.rows()));
            ((BigIntVector) root.getVector("__pdx_n3")).setSafe(i, group.rows());
            ((BigIntVector) root.getVector("__pdx_c4")).setSafe(i, group.entities());
            ((BigIntVector) root.getVector("__pdx_entities")).setSafe(i, group.entities());
        }
        root.setRowCount(groups.size());
        return root;
    }

    /** A root to release into, with the mechanism's schema. */
    static VectorSchemaRoot releasedRoot(BufferAllocator allocator, PrivateAggregation mechanism, VectorSchemaRoot source) {
        VectorSchemaRoot released = VectorSchemaRoot.create(mechanism.releasedSchema(source.getSchema(), java.util.Map.of()), allocator);
        released.allocateNew();
        released.setRowCount(0);
        return released;
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }
}

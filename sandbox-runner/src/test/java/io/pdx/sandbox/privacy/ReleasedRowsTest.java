package io.pdx.sandbox.privacy;

import io.pdx.sandbox.sql.AggregateShape;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HAVING, ORDER BY, LIMIT and OFFSET applied to released values, then the row cap; the order of group keys by default. */
class ReleasedRowsTest {

    private static final List<AggregateShape.Output> OUTPUTS = List.of(
            new AggregateShape.Output("district", 0, null, null, null),
            new AggregateShape.Output("n", -1, "COUNT", null, null));

    @Test
    void havingOrderAndLimit_actOnTheReleasedValues() throws IOException {
        AggregateShape shape = shape(List.of(new AggregateShape.ReleasedFilter(1, true, new BigDecimal("100"))),
                List.of(new AggregateShape.ReleasedOrder(1, false, false)), 2L, null);
        assertEquals(List.of("d:300", "b:200"), run(shape, 10_000));
    }

    @Test
    void withoutOrderBy_rowsGoOutInTheOrderOfTheirGroupKeys() throws IOException {
        assertEquals(List.of("a:50", "b:200", "c:100", "d:300"), run(shape(List.of(), List.of(), null, null), 10_000));
    }

    @Test
    void offsetAndTheRowCap_applyAfterTheOrder() throws IOException {
        ReleasedRows capped = new ReleasedRows(shape(List.of(), List.of(), null, 1L), 2);
        assertEquals(List.of("b:200", "c:100"), run(capped));
        assertTrue(capped.capped());
    }

    @Test
    void aStrictHaving_dropsTheEqualValue() throws IOException {
        AggregateShape shape = shape(List.of(new AggregateShape.ReleasedFilter(1, false, new BigDecimal("200"))), List.of(), null, null);
        assertEquals(List.of("d:300"), run(shape, 10_000));
    }

    private static AggregateShape shape(List<AggregateShape.ReleasedFilter> having, List<AggregateShape.ReleasedOrder> order,
                                        Long limit, Long offset) {
        return new AggregateShape("t", null, "t.e", List.of(), List.of("t.d"), OUTPUTS, having, order, limit, offset);
    }

    private static List<String> run(AggregateShape shape, long cap) throws IOException {
        return run(new ReleasedRows(shape, cap));
    }

    private static List<String> run(ReleasedRows rows) throws IOException {
        Schema schema = new Schema(List.of(new Field("district", FieldType.nullable(new ArrowType.Utf8()), null),
                new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RootAllocator allocator = new RootAllocator()) {
            try (VectorSchemaRoot released = VectorSchemaRoot.create(schema, allocator);
                 VectorSchemaRoot page = VectorSchemaRoot.create(schema, allocator);
                 ArrowStreamWriter writer = new ArrowStreamWriter(page, null, Channels.newChannel(bytes))) {
                released.allocateNew();
                String[] keys = {"c", "a", "d", "b"};
                long[] counts = {100, 50, 300, 200};
                for (int i = 0; i < keys.length; i++) {
                    ((VarCharVector) released.getVector("district")).setSafe(i, keys[i].getBytes(StandardCharsets.UTF_8));
                    ((BigIntVector) released.getVector("n")).setSafe(i, counts[i]);
                }
                released.setRowCount(keys.length);
                writer.start();
                rows.write(released, page, writer, 1);
                writer.end();
            }
            List<String> out = new ArrayList<>();
            try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes.toByteArray()), allocator)) {
                while (reader.loadNextBatch()) {
                    VectorSchemaRoot batch = reader.getVectorSchemaRoot();
                    for (int row = 0; row < batch.getRowCount(); row++) {
                        out.add(batch.getVector("district").getObject(row) + ":" + batch.getVector("n").getObject(row));
                    }
                }
            }
            return out;
        }
    }
}

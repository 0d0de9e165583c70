package io.pdx.sandbox.privacy;

import io.pdx.sandbox.sql.AggregateShape;
import io.pdx.sandbox.sql.AggregateShape.ReleasedFilter;
import io.pdx.sandbox.sql.AggregateShape.ReleasedOrder;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.util.Text;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * HAVING, ORDER BY, LIMIT and OFFSET of a differentially private statement, applied to the released rows — the
 * noised values — after the output controls, never to exact aggregates: a filter or an order on an exact value
 * would tell which side of a line one person's contribution fell. Without ORDER BY, rows go out in the order of
 * their group keys (itself a function of released values only). Then the grade's row cap.
 */
public final class ReleasedRows {

    private final AggregateShape shape;
    private final long rowCap;
    private boolean capped;
    private long written;

    public ReleasedRows(AggregateShape shape, long rowCap) {
        this.shape = shape;
        this.rowCap = rowCap;
    }

    public boolean capped() {
        return capped;
    }

    public long written() {
        return written;
    }

    /** Writes the rows of {@code released} that the clauses keep, in their order, through {@code writer}'s root {@code out}. */
    public void write(VectorSchemaRoot released, VectorSchemaRoot out, ArrowStreamWriter writer, int batchRows) throws IOException {
        List<Integer> kept = new ArrayList<>();
        for (int row = 0; row < released.getRowCount(); row++) {
            if (passes(released, row)) {
                kept.add(row);
            }
        }
        kept.sort(order(released));
        long from = shape.offset() == null ? 0 : Math.min(kept.size(), shape.offset());
        long to = shape.limit() == null ? kept.size() : Math.min(kept.size(), from + shape.limit());
        if (to - from > rowCap) {
            to = from + rowCap;
            capped = true;
        }
        List<Integer> page = kept.subList((int) from, (int) to);
        for (int start = 0; start < page.size(); start += batchRows) {
            out.allocateNew();
            int end = Math.min(page.size(), start + batchRows);
            for (int i = start; i < end; i++) {
                for (FieldVector vector : out.getFieldVectors()) {
                    vector.copyFromSafe(page.get(i), i - start, released.getVector(vector.getName()));
                }
            }
            out.setRowCount(end - start);
            writer.writeBatch();
            written += end - start;
        }
    }

    private boolean passes(VectorSchemaRoot released, int row) {
        for (ReleasedFilter filter : shape.having()) {
            Object value = released.getVector(shape.outputs().get(filter.output()).name()).getObject(row);
            if (value == null) {
                return false;
            }
            int comparison = decimal(value).compareTo(filter.value());
            if (filter.inclusive() ? comparison < 0 : comparison <= 0) {
                return false;
            }
        }
        return true;
    }

    private Comparator<Integer> order(VectorSchemaRoot released) {
        List<ReleasedOrder> keys = shape.orderBy();
        if (keys.isEmpty()) {
            keys = IntStream.range(0, shape.outputs().size())
                    .filter(i -> shape.outputs().get(i).aggregate() == null)
                    .mapToObj(i -> new ReleasedOrder(i, true, false)).toList();
        }
        Comparator<Integer> comparator = (a, b) -> 0;
        for (ReleasedOrder key : keys) {
            FieldVector vector = released.getVector(shape.outputs().get(key.output()).name());
            Comparator<Integer> byKey = (a, b) -> compare(vector.getObject(a), vector.getObject(b), key);
            comparator = comparator.thenComparing(byKey);
        }
        return comparator;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b, ReleasedOrder key) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == key.nullsFirst() ? -1 : 1;
        }
        int comparison;
        if (a instanceof Number || a instanceof BigDecimal) {
            comparison = decimal(a).compareTo(decimal(b));
        } else if (a instanceof Text || a instanceof CharSequence) {
            comparison = a.toString().compareTo(b.toString());
        } else if (a instanceof Comparable comparable) {
            comparison = comparable.compareTo(b);
        } else {
            comparison = a.toString().compareTo(b.toString());
        }
        return key.ascending() ? comparison : -comparison;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }
}

package io.pdx.sandbox.privacy;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;

/**
 * The output control of an aggregate over data released exactly (GENERAL): a group is suppressed unless
 * every dataset the statement reads has at least k distinct entities in it ({@code __pdx_entities_<i>}),
 * and rows past the cap are dropped. Over one table a run may carry only the row count
 * ({@code __pdx_rows}): fewer rows than k is fewer entities; k times the most rows one entity has is at
 * least k entities; anything between needs the exact count ({@link ExactCountNeeded}: run again with it).
 * Hidden columns ({@code __pdx_…}) are read here and never leave.
 */
public final class KAnonymousGroups {

    public static final String HIDDEN_PREFIX = "__pdx_";
    static final String ENTITIES_PREFIX = "__pdx_entities_";
    static final String ROWS = "__pdx_rows";

    /** A group whose distinct entities the row bound cannot settle: run again with exact counts. */
    public static final class ExactCountNeeded extends RuntimeException {
        ExactCountNeeded() {
            super(null, null, false, false);
        }
    }

    private final int k;
    private final long rowCap;
    private final long maxRowsPerEntity;
    private long suppressedGroups;
    private long rows;
    private boolean capped;

    /**
     * @param maxRowsPerEntity the most rows one entity has in the (single) dataset, for batches that carry only
     *                         {@code __pdx_rows}; 0 when every batch carries exact distinct counts
     */
    public KAnonymousGroups(int k, long rowCap, long maxRowsPerEntity) {
        this.k = k;
        this.rowCap = rowCap;
        this.maxRowsPerEntity = maxRowsPerEntity;
    }

    public long suppressedGroups() {
        return suppressedGroups;
    }

    public long rows() {
        return rows;
    }

    public boolean capped() {
        return capped;
    }

    /** Copies the rows of {@code source} that pass into {@code target}. */
    public void apply(VectorSchemaRoot source, VectorSchemaRoot target) {
        target.allocateNew();
        List<BigIntVector> entities = new ArrayList<>();
        for (FieldVector vector : source.getFieldVectors()) {
            if (vector.getName().startsWith(ENTITIES_PREFIX)) {
                entities.add((BigIntVector) vector);
            }
        }
        BigIntVector groupRows = (BigIntVector) source.getVector(ROWS);
        int kept = 0;
        for (int row = 0; row < source.getRowCount(); row++) {
            if (suppressed(entities, groupRows, row)) {
                suppressedGroups++;
                continue;
            }
            if (rows >= rowCap) {
                capped = true;
                continue;
            }
            for (FieldVector out : target.getFieldVectors()) {
                out.copyFromSafe(row, kept, source.getVector(out.getName()));
            }
            kept++;
            rows++;
        }
        target.setRowCount(kept);
    }

    private boolean suppressed(List<BigIntVector> entities, BigIntVector groupRows, int row) {
        if (!entities.isEmpty()) {
            for (BigIntVector count : entities) {
                if ((count.isNull(row) ? 0 : count.get(row)) < k) {
                    return true;
                }
            }
            return false;
        }
        long rowsOfGroup = groupRows == null || groupRows.isNull(row) ? 0 : groupRows.get(row);
        if (rowsOfGroup < k) {
            return true;
        }
        if (maxRowsPerEntity > 0 && rowsOfGroup >= (long) k * maxRowsPerEntity) {
            return false;
        }
        throw new ExactCountNeeded();
    }
}

package io.pdx.sandbox.privacy;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

import java.util.ArrayList;
import java.util.List;

/**
 * The output control of an aggregate over data released exactly (GENERAL): a group is suppressed unless
 * every dataset the statement reads has at least k distinct entities in it ({@code __pdx_entities_<i>}),
 * and rows past the cap are dropped. Over one table a run may carry only the row count
 * ({@code __pdx_rows}): fewer rows than k is fewer entities; k times the most rows one entity has is at
 * least k entities; anything between needs the exact count ({@link ExactCountNeeded}: run again with it).
 * With a {@link DifferencingCheck}, a group that passes k must also pass the differencing check on its entity sets
 * ({@code __pdx_entity_hashes_<i>}: the distinct 64-bit hashes of the i-th dataset's entities in the group), and a
 * group released is recorded in it. Hidden columns ({@code __pdx_…}) are read here and never leave.
 */
public final class KAnonymousGroups {

    public static final String HIDDEN_PREFIX = "__pdx_";
    static final String ENTITIES_PREFIX = "__pdx_entities_";
    static final String ROWS = "__pdx_rows";
    public static final String ENTITY_HASHES_PREFIX = "__pdx_entity_hashes_";

    /** A group whose distinct entities the row bound cannot settle: run again with exact counts. */
    public static final class ExactCountNeeded extends RuntimeException {
        ExactCountNeeded() {
            super(null, null, false, false);
        }
    }

    private final int k;
    private final long rowCap;
    private final long maxRowsPerEntity;
    private final DifferencingCheck differencing;
    private long suppressedGroups;
    private long rows;
    private boolean capped;

    /**
     * @param maxRowsPerEntity the most rows one entity has in the (single) dataset, for batches that carry only
     *                         {@code __pdx_rows}; 0 when every batch carries exact distinct counts
     */
    public KAnonymousGroups(int k, long rowCap, long maxRowsPerEntity) {
        this(k, rowCap, maxRowsPerEntity, null);
    }

    /**
     * @param differencing the differencing check the groups that pass k must pass too, or null for none; with it every
     *                     batch carries exact distinct counts and the entity hashes of each dataset
     */
    public KAnonymousGroups(int k, long rowCap, long maxRowsPerEntity, DifferencingCheck differencing) {
        if (differencing != null && maxRowsPerEntity > 0) {
            throw new IllegalArgumentException("the differencing check needs the entity sets, not a row bound");
        }
        this.k = k;
        this.rowCap = rowCap;
        this.maxRowsPerEntity = maxRowsPerEntity;
        this.differencing = differencing;
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
        List<ListVector> hashes = differencing == null ? List.of() : entityHashes(source);
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
            if (differencing != null) {
                List<long[]> sets = new ArrayList<>(hashes.size());
                for (ListVector list : hashes) {
                    sets.add(entitySet(list, row));
                }
                if (!differencing.admitsHashes(sets)) {
                    continue;
                }
                differencing.releaseHashes(sets);
            }
            for (FieldVector out : target.getFieldVectors()) {
                out.copyFromSafe(row, kept, source.getVector(out.getName()));
            }
            kept++;
            rows++;
        }
        target.setRowCount(kept);
    }

    /** The entity hash lists of the datasets, in the check's order; a batch without them is refused (fail closed). */
    private List<ListVector> entityHashes(VectorSchemaRoot source) {
        List<ListVector> hashes = new ArrayList<>();
        for (int i = 0; i < differencing.datasets(); i++) {
            if (!(source.getVector(ENTITY_HASHES_PREFIX + i) instanceof ListVector list)) {
                throw new IllegalStateException("the differencing check needs the entity hashes of every dataset");
            }
            hashes.add(list);
        }
        return hashes;
    }

    /** The group's distinct entity hashes in unsigned order (the hashes are UBIGINT: their 64 bits as they are). */
    static long[] entitySet(ListVector list, int row) {
        if (list.isNull(row)) {
            return new long[0];
        }
        FieldVector values = list.getDataVector();
        long[] hashes = new long[list.getElementEndIndex(row) - list.getElementStartIndex(row)];
        int n = 0;
        for (int i = list.getElementStartIndex(row); i < list.getElementEndIndex(row); i++) {
            if (!values.isNull(i)) {
                hashes[n++] = values instanceof UInt8Vector unsigned ? unsigned.get(i) : ((BigIntVector) values).get(i);
            }
        }
        return EntitySetIndex.sorted(java.util.Arrays.copyOf(hashes, n));
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

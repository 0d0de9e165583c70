package io.pdx.sandbox.privacy;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The output control of a row-level result (GENERAL): rows are released only when they come from at least
 * k distinct entities of every dataset the statement reads — counted on the hidden {@code __pdx_entity_<i>}
 * columns of the rows actually output (after LIMIT and the cap) — else the whole result is withheld. A
 * filter that matches one card's trips therefore releases nothing. Counting stops at k per dataset.
 */
public final class KAnonymousRows {

    static final String ENTITY_PREFIX = "__pdx_entity_";

    private final int k;
    private final long rowCap;
    private final List<Set<String>> seen = new ArrayList<>();
    private long rows;
    private boolean capped;

    public KAnonymousRows(int k, long rowCap, int datasets) {
        this.k = k;
        this.rowCap = rowCap;
        for (int i = 0; i < datasets; i++) {
            seen.add(new HashSet<>());
        }
    }

    /** Moves the batch's visible columns into {@code target} (no copy), at most the cap in all, counting entities. */
    public void transfer(VectorSchemaRoot source, VectorSchemaRoot target) {
        int count = source.getRowCount();
        int kept = (int) Math.max(0, Math.min(count, rowCap - rows));
        if (kept < count) {
            capped = true;
        }
        for (int i = 0; i < seen.size(); i++) {
            Set<String> entities = seen.get(i);
            FieldVector entity = source.getVector(ENTITY_PREFIX + i);
            for (int row = 0; row < kept && entities.size() < k; row++) {
                Object value = entity.getObject(row);
                if (value != null) {
                    entities.add(value.toString());
                }
            }
        }
        for (FieldVector out : target.getFieldVectors()) {
            source.getVector(out.getName()).makeTransferPair(out).transfer();
        }
        rows += kept;
        target.setRowCount(kept);
    }

    /** Whether the rows so far come from at least k distinct entities of every dataset. */
    public boolean releasable() {
        return seen.stream().allMatch(entities -> entities.size() >= k);
    }

    public long rows() {
        return rows;
    }

    public boolean capped() {
        return capped;
    }
}

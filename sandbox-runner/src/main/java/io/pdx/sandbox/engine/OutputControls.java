package io.pdx.sandbox.engine;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxReleaseInput.OutputColumn;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a grade's output controls to batches of an aggregate result, row by row: a group with
 * fewer than k distinct persons or entities is suppressed (k itself noised where the grade says
 * so), rows past the cap are dropped, and COUNT, SUM and AVG get integer Laplace noise where the
 * grade names noise. The job's ε is split evenly between its noised columns; the sensitivity of
 * COUNT is 1, of SUM the largest absolute value in the group, of AVG that divided by the group's rows.
 * Hidden columns ({@code __pdx_entities}, {@code __pdx_rows}, {@code __pdx_bound_<column>}) are read
 * here and never leave.
 */
final class OutputControls {

    static final String HIDDEN_PREFIX = "__pdx_";
    static final String ENTITIES = "__pdx_entities";
    static final String ROWS = "__pdx_rows";
    static final String BOUND_PREFIX = "__pdx_bound_";

    /** A group whose distinct entities the row bound cannot settle: run again with exact counts. */
    static final class ExactCountNeeded extends RuntimeException {
        ExactCountNeeded() {
            super(null, null, false, false);
        }
    }

    private final ControlsResult controls;
    private final DiscreteLaplace noise;
    private final long maxRowsPerEntity;
    private final Map<String, String> noisedAggregates = new HashMap<>();
    private final double epsilonPerColumn;
    private long suppressedGroups;
    private long rows;
    private boolean capped;

    /**
     * @param maxRowsPerEntity the most rows one entity has in the dataset, for batches without
     *                         {@code __pdx_entities} (0 when every batch carries exact counts)
     */
    OutputControls(ControlsResult controls, List<OutputColumn> output, double epsilon, DiscreteLaplace noise,
                   long maxRowsPerEntity) {
        this.controls = controls;
        this.noise = noise;
        this.maxRowsPerEntity = maxRowsPerEntity;
        if (controls.noise() != null) {
            for (OutputColumn column : output) {
                if (column.aggregate() != null && controls.noised_aggregates().contains(column.aggregate())) {
                    noisedAggregates.put(column.name(), column.aggregate());
                }
            }
        }
        this.epsilonPerColumn = noisedAggregates.isEmpty() ? 0 : epsilon / noisedAggregates.size();
    }

    boolean noiseApplied() {
        return !noisedAggregates.isEmpty() && epsilonPerColumn > 0;
    }

    long suppressedGroups() {
        return suppressedGroups;
    }

    long rows() {
        return rows;
    }

    boolean capped() {
        return capped;
    }

    /** Copies the rows of {@code source} that pass the controls into {@code target}, with noise added. */
    void apply(VectorSchemaRoot source, VectorSchemaRoot target) {
        target.allocateNew();
        BigIntVector entities = (BigIntVector) source.getVector(ENTITIES);
        BigIntVector groupRows = (BigIntVector) source.getVector(ROWS);
        int kept = 0;
        for (int row = 0; row < source.getRowCount(); row++) {
            if (suppressed(entities, groupRows, row)) {
                suppressedGroups++;
                continue;
            }
            if (rows >= controls.row_cap()) {
                capped = true;
                continue;
            }
            for (FieldVector out : target.getFieldVectors()) {
                String name = out.getName();
                out.copyFromSafe(row, kept, source.getVector(name));
                String aggregate = noisedAggregates.get(name);
                if (aggregate != null && epsilonPerColumn > 0 && !out.isNull(kept)) {
                    double sensitivity = sensitivity(aggregate, source, name, groupRows, row);
                    addNoise(out, kept, noise.sample(sensitivity / epsilonPerColumn));
                }
            }
            kept++;
            rows++;
        }
        target.setRowCount(kept);
    }

    /**
     * Row-level output (no groups, no noise): moves the batch's vectors into {@code target} without
     * copying, keeping at most {@code cap} rows in all.
     */
    void transferRows(VectorSchemaRoot source, VectorSchemaRoot target, long cap) {
        int count = source.getRowCount();
        for (FieldVector out : target.getFieldVectors()) {
            source.getVector(out.getName()).makeTransferPair(out).transfer();
        }
        int kept = (int) Math.max(0, Math.min(count, cap - rows));
        if (kept < count) {
            capped = true;
        }
        rows += kept;
        target.setRowCount(kept);
    }

    /**
     * Whether a group has fewer distinct entities than k (noised per group where the grade says so):
     * from the exact count when the batch has it, else from the row count — fewer rows than k is
     * fewer entities; at least k times the most rows per entity is at least k entities; anything
     * between cannot be settled without the exact count.
     */
    private boolean suppressed(BigIntVector entities, BigIntVector groupRows, int row) {
        Integer k = controls.k();
        if (k == null) {
            return false;
        }
        long threshold = k;
        if (controls.k_noised() && controls.k_noise_scale() != null) {
            threshold += noise.sample(controls.k_noise_scale());
        }
        threshold = Math.max(1, threshold);
        if (entities != null) {
            return (entities.isNull(row) ? 0 : entities.get(row)) < threshold;
        }
        long rows = groupRows == null || groupRows.isNull(row) ? 0 : groupRows.get(row);
        if (rows < threshold) {
            return true;
        }
        if (maxRowsPerEntity > 0 && rows >= threshold * maxRowsPerEntity) {
            return false;
        }
        throw new ExactCountNeeded();
    }

    private static double sensitivity(String aggregate, VectorSchemaRoot source, String column, BigIntVector groupRows,
                                      int row) {
        if (aggregate.startsWith("COUNT")) {
            return 1;
        }
        FieldVector bound = source.getVector(BOUND_PREFIX + column);
        double largest = bound == null || bound.isNull(row) ? 1 : Math.max(1, Math.abs(number(bound.getObject(row))));
        if ("AVG".equals(aggregate)) {
            long n = groupRows == null || groupRows.isNull(row) ? 1 : Math.max(1, groupRows.get(row));
            return largest / n;
        }
        return largest;
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 1;
    }

    private static void addNoise(FieldVector vector, int index, long amount) {
        if (vector instanceof BigIntVector longs) {
            longs.set(index, longs.get(index) + amount);
        } else if (vector instanceof IntVector ints) {
            ints.set(index, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) ints.get(index) + amount)));
        } else if (vector instanceof Float8Vector doubles) {
            doubles.set(index, doubles.get(index) + amount);
        } else if (vector instanceof DecimalVector decimals) {
            BigDecimal value = decimals.getObject(index).add(BigDecimal.valueOf(amount));
            decimals.setSafe(index, value.setScale(decimals.getScale(), RoundingMode.HALF_EVEN));
        } else {
            throw new IllegalStateException("no noise for an output of type " + vector.getMinorType());
        }
    }
}

package io.pdx.sandbox.privacy;

import io.pdx.sandbox.sql.AggregateShape;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One aggregate output of a differentially private result and its mechanism. Sensitivities come only from
 * the contribution bounds and the declared bounds, never from the data:
 * <ul>
 *   <li>COUNT: {@code max_rows_per_entity} (one entity adds at most that many rows to all groups together);</li>
 *   <li>COUNT(DISTINCT entity): the groups one entity reaches;</li>
 *   <li>SUM: {@code max_rows_per_entity × max(|lower|, |upper|)}, in units of the grid;</li>
 *   <li>AVG: a noisy SUM of values centred on the middle of the bounds (sensitivity
 *       {@code max_rows_per_entity × (upper − lower) / 2}) divided by a noisy COUNT — post-processing,
 *       never a sensitivity of its own.</li>
 * </ul>
 * Each noisy quantity gets an equal share of the query's ε ({@link #shares()} of them: one, two for AVG).
 * Noise is discrete Laplace in whole units of the grid; released values are on the grid and clamped to
 * what the bounds allow (post-processing).
 */
final class NoisedAggregate {

    static final String COUNT_PREFIX = "__pdx_c";
    static final String SUM_PREFIX = "__pdx_s";
    static final String N_PREFIX = "__pdx_n";

    private final int index;
    private final AggregateShape.Output output;
    private final Grid grid;
    private final BigInteger lowerUnits;
    private final BigInteger upperUnits;
    private final BigInteger middleUnits;
    private final BigInteger sumSensitivity;
    private final long countSensitivity;
    private final NoiseScale sumScale;
    private final NoiseScale countScale;
    private final long epsilonMicros;
    private final int shares;
    private final DiscreteLaplace noise;

    NoisedAggregate(int index, AggregateShape.Output output, Contribution contribution, long epsilonMicros, int shares,
                    DiscreteLaplace noise) {
        this.index = index;
        this.output = output;
        this.epsilonMicros = epsilonMicros;
        this.shares = shares;
        this.noise = noise;
        AggregateShape.ValueBounds bounds = output.bounds();
        this.grid = bounds == null ? Grid.UNIT : Grid.of(bounds.granularity());
        this.lowerUnits = bounds == null ? null : grid.units(bounds.lower());
        this.upperUnits = bounds == null ? null : grid.units(bounds.upper());
        BigInteger rows = BigInteger.valueOf(contribution.maxRows());
        switch (output.aggregate()) {
            case "COUNT" -> {
                countSensitivity = contribution.maxRows();
                middleUnits = null;
                sumSensitivity = null;
            }
            case "COUNT_DISTINCT" -> {
                countSensitivity = contribution.groupsReached();
                middleUnits = null;
                sumSensitivity = null;
            }
            case "SUM" -> {
                countSensitivity = 0;
                middleUnits = BigInteger.ZERO;
                sumSensitivity = rows.multiply(lowerUnits.abs().max(upperUnits.abs()));
            }
            case "AVG" -> {
                countSensitivity = contribution.maxRows();
                middleUnits = lowerUnits.add(upperUnits).divide(BigInteger.TWO);
                sumSensitivity = rows.multiply(upperUnits.subtract(middleUnits).max(middleUnits.subtract(lowerUnits)));
            }
            default -> throw new IllegalArgumentException("no mechanism for " + output.aggregate());
        }
        this.sumScale = sumSensitivity == null ? null : NoiseScale.of(sumSensitivity.max(BigInteger.ONE), epsilonMicros, shares);
        this.countScale = countSensitivity == 0 ? null : NoiseScale.of(BigInteger.valueOf(countSensitivity), epsilonMicros, shares);
    }

    /** The noisy quantities of this output: two for AVG (sum and count), else one. */
    static int sharesOf(String aggregate) {
        return "AVG".equals(aggregate) ? 2 : 1;
    }

    String name() {
        return output.name();
    }

    String aggregate() {
        return output.aggregate();
    }

    /** The argument's value in whole grid units, clamped to the declared bounds (SQL over a DOUBLE expression). */
    String clampedUnitsSql(String argument) {
        String value = "try(CAST(" + argument + " AS DOUBLE))";
        String lower = grid.value(lowerUnits).toPlainString();
        String upper = grid.value(upperUnits).toPlainString();
        return grid.unitsSql("CASE WHEN " + value + " < " + lower + " THEN " + lower + " WHEN " + value + " > " + upper
                + " THEN " + upper + " ELSE " + value + " END");
    }

    /** The exact aggregates this output reads, as SQL over the bounded rows ({@code argument}: its clamped column). */
    String exactSql(String argument, String entity) {
        String quotedIndex = Integer.toString(index);
        return switch (output.aggregate()) {
            case "COUNT" -> (argument == null ? "count(*)" : "count(" + argument + ")") + " AS \"" + COUNT_PREFIX + quotedIndex + "\"";
            case "COUNT_DISTINCT" -> "count(DISTINCT " + entity + ") AS \"" + COUNT_PREFIX + quotedIndex + "\"";
            case "SUM" -> "CAST(sum(" + argument + ") AS DECIMAL(38,0)) AS \"" + SUM_PREFIX + quotedIndex + "\"";
            case "AVG" -> "CAST(sum(" + argument + " - " + middleUnits + ") AS DECIMAL(38,0)) AS \"" + SUM_PREFIX + quotedIndex
                    + "\", count(" + argument + ") AS \"" + N_PREFIX + quotedIndex + "\"";
            default -> throw new IllegalStateException(output.aggregate());
        };
    }

    /** The type of the released value: a 64-bit count, or a decimal on the grid. */
    ArrowType releasedType() {
        return switch (output.aggregate()) {
            case "COUNT", "COUNT_DISTINCT" -> new ArrowType.Int(64, true);
            default -> new ArrowType.Decimal(38, grid.scale(), 128);
        };
    }

    /** Writes the released (noised) value of {@code row} of the exact aggregates into {@code target} at {@code at}. */
    void release(VectorSchemaRoot source, int row, FieldVector target, int at) {
        switch (output.aggregate()) {
            case "COUNT", "COUNT_DISTINCT" -> {
                long exact = longAt(source, COUNT_PREFIX, row);
                ((BigIntVector) target).setSafe(at, Math.max(0, exact + noise.sample(countScale)));
            }
            case "SUM" -> {
                BigInteger noisy = unitsAt(source, row).add(noise.sampleExact(sumScale));
                ((DecimalVector) target).setSafe(at, grid.value(clampSum(noisy)));
            }
            case "AVG" -> {
                BigInteger noisySum = unitsAt(source, row).add(noise.sampleExact(sumScale));
                long noisyCount = Math.max(1, longAt(source, N_PREFIX, row) + noise.sample(countScale));
                BigInteger average = middleUnits.add(new BigDecimal(noisySum)
                        .divide(BigDecimal.valueOf(noisyCount), 0, RoundingMode.HALF_EVEN).toBigIntegerExact());
                ((DecimalVector) target).setSafe(at, grid.value(average.max(lowerUnits).min(upperUnits)));
            }
            default -> throw new IllegalStateException(output.aggregate());
        }
    }

    /** A sum of values that are never negative is never negative, and of values never positive never positive. */
    private BigInteger clampSum(BigInteger sum) {
        if (lowerUnits.signum() >= 0) {
            return sum.max(BigInteger.ZERO);
        }
        if (upperUnits.signum() <= 0) {
            return sum.min(BigInteger.ZERO);
        }
        return sum;
    }

    private long longAt(VectorSchemaRoot source, String prefix, int row) {
        FieldVector vector = source.getVector(prefix + index);
        return vector.isNull(row) ? 0 : ((Number) vector.getObject(row)).longValue();
    }

    /** The exact sum in grid units; an empty sum (NULL) is 0, so emptiness is not told apart from zero. */
    private BigInteger unitsAt(VectorSchemaRoot source, int row) {
        FieldVector vector = source.getVector(SUM_PREFIX + index);
        if (vector.isNull(row)) {
            return BigInteger.ZERO;
        }
        Object value = vector.getObject(row);
        return value instanceof BigDecimal decimal ? decimal.toBigIntegerExact() : BigInteger.valueOf(((Number) value).longValue());
    }

    /** Per-column metadata of the released field: mechanism, ε share, sensitivity, bounds and grid. */
    Map<String, String> metadata(Contribution contribution) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("pdx.noised", "true");
        metadata.put("pdx.mechanism", "DISCRETE_LAPLACE");
        BigDecimal share = BigDecimal.valueOf(epsilonMicros, 6).divide(BigDecimal.valueOf(shares), 9, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        metadata.put("pdx.epsilon", share.multiply(BigDecimal.valueOf(sharesOf(output.aggregate()))).stripTrailingZeros().toPlainString());
        metadata.put("pdx.max_rows_per_entity", Integer.toString(contribution.maxRows()));
        if (countScale != null) {
            metadata.put("pdx.count_sensitivity", Long.toString(countSensitivity));
        }
        if (sumScale != null) {
            metadata.put("pdx.sum_sensitivity", grid.value(sumSensitivity).toPlainString());
            metadata.put("pdx.lower", grid.value(lowerUnits).toPlainString());
            metadata.put("pdx.upper", grid.value(upperUnits).toPlainString());
            metadata.put("pdx.granularity", grid.granularity().stripTrailingZeros().toPlainString());
        }
        return metadata;
    }
}

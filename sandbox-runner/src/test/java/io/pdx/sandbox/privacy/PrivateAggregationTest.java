package io.pdx.sandbox.privacy;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differentially private output control on in-memory Arrow vectors: sensitivity per aggregate (seen in the
 * spread of the noise), released values on the grid and within what the bounds allow, group selection, and no
 * Arrow memory left behind (the allocator is closed after each test and fails on a leak).
 */
class PrivateAggregationTest {

    private static final Contribution BOUNDS = new Contribution(10, 3);
    private static final long EPSILON = 1_000_000; // ε = 1
    private RootAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        allocator.close(); // throws when a buffer was not released
    }

    private PrivateAggregation mechanism(long seed) {
        return new PrivateAggregation(ExactAggregates.SHAPE, 50, 1e-7, BOUNDS, EPSILON, new DiscreteLaplace(new Random(seed)), seed);
    }

    @Test
    void epsilon_isSplitIntoOneShareForTheSelectionAndOnePerNoisyQuantity() {
        PrivateAggregation mechanism = mechanism(1);
        assertEquals(1 + 1 + 1 + 2 + 1, mechanism.shares(), "selection, COUNT, SUM, AVG (sum and count), COUNT DISTINCT");
    }

    @Test
    void theThreshold_letsAGroupUnderKThroughWithProbabilityAtMostDelta() {
        PrivateAggregation mechanism = mechanism(1);
        // selection noise: scale G / (ε/6) = 3 × 6 = 18; τ = 49 + ⌈18 · ln(3/1e-7)⌉ + 1
        assertEquals(49 + (long) Math.ceil(18 * Math.log(3 / 1e-7)) + 1, mechanism.threshold());
        double p = Math.exp(-1.0 / 18);
        double passUnderK = Math.pow(p, mechanism.threshold() - 49) / (1 + p);
        assertTrue(passUnderK <= 1e-7 / 3, "a group of k − 1 entities passes with probability " + passUnderK);
    }

    @Test
    void releasedValues_lieOnTheGridAndWithinWhatTheBoundsAllow() {
        PrivateAggregation mechanism = mechanism(2);
        try (VectorSchemaRoot source = ExactAggregates.of(allocator, List.of(
                new ExactAggregates.Group("big", 20_000, 20_000L * 12_345, 5_000),
                new ExactAggregates.Group("tiny", 30, 30L * 49_999, 3)));
             VectorSchemaRoot released = ExactAggregates.releasedRoot(allocator, mechanism, source)) {
            Schema schema = released.getSchema();
            assertEquals(new ArrowType.Int(64, true), schema.findField("n").getType());
            assertEquals(new ArrowType.Decimal(38, 2, 128), schema.findField("s").getType());
            assertEquals("DISCRETE_LAPLACE", schema.findField("s").getMetadata().get("pdx.mechanism"));
            assertEquals("5000.00", schema.findField("s").getMetadata().get("pdx.sum_sensitivity"), "R × max(|lower|, |upper|)");
            assertEquals("10", schema.findField("n").getMetadata().get("pdx.count_sensitivity"), "R rows per entity");
            assertEquals("3", schema.findField("p").getMetadata().get("pdx.count_sensitivity"), "G groups per entity");
            mechanism.accept(source, released);

            assertEquals(1, released.getRowCount(), "the group of 3 entities is not released");
            assertEquals(1, mechanism.suppressedGroups());
            BigDecimal sum = ((DecimalVector) released.getVector("s")).getObject(0);
            BigDecimal average = ((DecimalVector) released.getVector("a")).getObject(0);
            assertEquals(2, sum.scale());
            assertEquals(2, average.scale());
            assertTrue(average.compareTo(BigDecimal.ZERO) >= 0 && average.compareTo(new BigDecimal("500")) <= 0);
            assertTrue(average.subtract(new BigDecimal("123.45")).abs().compareTo(new BigDecimal("5")) < 0, "avg " + average);
        }
    }

    @Test
    void countNoise_hasTheSpreadOfSensitivityTenNotOne() {
        // COUNT's noise scale is R / (ε/6) = 60: its standard deviation is about 60·√2 ≈ 85, where a
        // sensitivity of 1 would give about 8.5
        double[] spread = spreadOf("n", 4_000, 11);
        double expected = Math.sqrt(2) * 60;
        assertTrue(spread[1] > 0.85 * expected && spread[1] < 1.15 * expected, "sd " + spread[1]);
        assertTrue(Math.abs(spread[0] - 20_000) < 10, "mean " + spread[0]);
    }

    @Test
    void entityCountNoise_hasTheSpreadOfTheGroupsOneEntityReaches() {
        double[] spread = spreadOf("p", 4_000, 12);
        double expected = Math.sqrt(2) * 18; // G / (ε/6)
        assertTrue(spread[1] > 0.85 * expected && spread[1] < 1.15 * expected, "sd " + spread[1]);
    }

    @Test
    void sumNoise_comesFromTheDeclaredBoundsNotTheData() {
        // sensitivity R × 500 = 5000 yuan, scale 30,000 yuan: the same spread whatever the sum is
        double[] small = spreadOf("s", 3_000, 13);
        double expected = Math.sqrt(2) * 30_000;
        assertTrue(small[1] > 0.85 * expected && small[1] < 1.15 * expected, "sd " + small[1]);
    }

    /**
     * AVG is a noisy sum of the values centred on the middle of the bounds over a noisy count, each with its own share
     * of ε: average = 250 + (Σ(x − 250) + Z_sum) / (rows + Z_count), Z_sum of scale R × (500 − 250) / (ε/6) = 15,000
     * yuan, Z_count of scale R / (ε/6) = 60. Over 20,000 rows whose average is the middle, the centred sum is 0 and
     * the noise is Z_sum / 20,000 alone: a standard deviation of about √2 × 0.75 ≈ 1.06 yuan (a quarter of the noise
     * would give 0.27, half of it 0.53).
     */
    @Test
    void averageNoise_atTheMiddleOfTheBounds_isTheNoisySumsOverTheCount() {
        long rows = 20_000;
        double[] spread = spreadOf("a", new ExactAggregates.Group("big", rows, rows * 25_000, 5_000), 4_000, 14);
        double expected = Math.sqrt(variance(AVG_SUM_SCALE)) / rows;
        assertTrue(spread[1] > 0.9 * expected && spread[1] < 1.1 * expected, "sd " + spread[1] + ", expected " + expected);
        assertTrue(Math.abs(spread[0] - 250) < 5 * expected / Math.sqrt(4_000), "mean " + spread[0]);
    }

    /**
     * Away from the middle the noisy count moves the average too: at an average of 50 yuan over 20,000 rows,
     * (50 − 250) × Z_count / 20,000 adds a standard deviation of about 0.85 yuan to the sum's 1.06: together about
     * 1.36 yuan (without the count's noise: 1.06, more than 20 % less).
     */
    @Test
    void averageNoise_awayFromTheMiddle_addsTheNoisyCounts() {
        long rows = 20_000;
        double[] spread = spreadOf("a", new ExactAggregates.Group("big", rows, rows * 5_000, 5_000), 4_000, 15);
        double centred = 50 - 250;
        double expected = Math.sqrt(variance(AVG_SUM_SCALE) + centred * centred * variance(AVG_COUNT_SCALE)) / rows;
        assertTrue(spread[1] > 0.9 * expected && spread[1] < 1.1 * expected, "sd " + spread[1] + ", expected " + expected);
        assertTrue(Math.abs(spread[0] - 50) < 5 * expected / Math.sqrt(4_000), "mean " + spread[0]);
    }

    /** AVG's noise scales, in yuan and rows: R × (upper − middle) / (ε/6), and R / (ε/6). */
    private static final double AVG_SUM_SCALE = 10 * (500 - 250) * 6.0;
    private static final double AVG_COUNT_SCALE = 10 * 6.0;

    /** The variance of discrete Laplace noise of scale b: 2p / (1 − p)² with p = e^(−1/b) (about 2b²). */
    private static double variance(double b) {
        double p = Math.exp(-1 / b);
        return 2 * p / ((1 - p) * (1 - p));
    }

    /** Mean and standard deviation of an output over {@code runs} releases of the same large group. */
    private double[] spreadOf(String column, int runs, long seed) {
        return spreadOf(column, new ExactAggregates.Group("big", 20_000, 20_000L * 12_345, 5_000), runs, seed);
    }

    /** Mean and standard deviation of an output over {@code runs} releases of {@code group}. */
    private double[] spreadOf(String column, ExactAggregates.Group group, int runs, long seed) {
        PrivateAggregation mechanism = mechanism(seed);
        double sum = 0;
        double squares = 0;
        try (VectorSchemaRoot source = ExactAggregates.of(allocator, List.of(group))) {
            for (int run = 0; run < runs; run++) {
                try (VectorSchemaRoot released = ExactAggregates.releasedRoot(allocator, mechanism, source)) {
                    mechanism.accept(source, released);
                    Object value = released.getVector(column).getObject(0);
                    double x = value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Long) value).doubleValue();
                    sum += x;
                    squares += x * x;
                }
            }
        }
        double mean = sum / runs;
        return new double[] {mean, Math.sqrt(squares / runs - mean * mean)};
    }

    @Test
    void groupKeys_passUnchangedAndAreMarkedNotNoised() {
        PrivateAggregation mechanism = mechanism(3);
        try (VectorSchemaRoot source = ExactAggregates.of(allocator,
                List.of(new ExactAggregates.Group("350102", 20_000, 1, 5_000)));
             VectorSchemaRoot released = ExactAggregates.releasedRoot(allocator, mechanism, source)) {
            mechanism.accept(source, released);
            assertEquals("350102", released.getVector("g").getObject(0).toString());
            assertEquals("false", released.getSchema().findField("g").getMetadata().get("pdx.noised"));
            assertTrue(((BigIntVector) released.getVector("n")).get(0) >= 0);
        }
    }

    @Test
    void theMechanismsMetadata_namesEpsilonDeltaBoundsAndThreshold() {
        Map<String, String> metadata = mechanism(4).metadata(1e-7);
        assertEquals("1", metadata.get("pdx.epsilon"));
        assertEquals("0.0000001", metadata.get("pdx.delta"));
        assertEquals("10", metadata.get("pdx.max_rows_per_entity"));
        assertEquals("3", metadata.get("pdx.max_groups_per_entity"));
        assertEquals("6", metadata.get("pdx.epsilon_shares"));
    }
}

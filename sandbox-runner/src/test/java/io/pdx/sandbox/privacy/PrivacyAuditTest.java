package io.pdx.sandbox.privacy;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An empirical privacy audit of the whole output control. Two neighbouring datasets differ by one entity that
 * contributes the most it may: {@code max_rows_per_entity} rows, each at the upper bound of the summed column.
 * The mechanism runs 20,000 times on each; for distinguishing events the Clopper–Pearson bounds (99.5 %
 * one-sided each) give a lower bound on the ε that explains the difference, which must not exceed the ε
 * charged. With COUNT's sensitivity taken as 1 instead of R, the count event alone bounds ε from below at about
 * 1.3 for a query charged 1: the audit fails (checked once by breaking {@code NoisedAggregate} locally).
 */
class PrivacyAuditTest {

    private static final int RUNS = 20_000;
    private static final int R = 10;
    private static final double ALPHA = 0.005;
    private static final long EPSILON_MICROS = 1_000_000;

    @Test
    void oneEntityAtTheBound_cannotBeToldApartBeyondTheEpsilonCharged() {
        ExactAggregates.Group without = new ExactAggregates.Group("g", 5_000 - R, (5_000L - R) * 20_000, 999);
        // "with" adds the entity: R rows, each at the upper bound (500.00 = 50,000 units)
        ExactAggregates.Group withAtBound = new ExactAggregates.Group("g", 5_000, without.sumUnits() + R * 50_000L, 1_000);

        List<double[]> outputsWith = releaseMany(withAtBound, 21);
        List<double[]> outputsWithout = releaseMany(without, 22);

        double lowerBound = 0;
        // events on the count, the sum and the average, each at the midpoint between the two exact answers
        lowerBound = Math.max(lowerBound, epsilonLowerBound(outputsWith, outputsWithout, o -> o[0] >= 5_000 - R / 2.0));
        lowerBound = Math.max(lowerBound, epsilonLowerBound(outputsWith, outputsWithout,
                o -> o[1] >= (without.sumUnits() + R * 25_000L) / 100.0));
        lowerBound = Math.max(lowerBound, epsilonLowerBound(outputsWith, outputsWithout, o -> o[2] >= 200.0 + 0.5));
        lowerBound = Math.max(lowerBound, epsilonLowerBound(outputsWith, outputsWithout, o -> o[3] >= 999.5));
        assertTrue(lowerBound <= EPSILON_MICROS / 1e6,
                "a distinguishing event bounds ε from below at " + lowerBound + ", above the ε charged");
    }

    @Test
    void aGroupOfOneEntity_isNeverReleased() {
        ExactAggregates.Group alone = new ExactAggregates.Group("new", R, R * 50_000L, 1);
        List<double[]> outputs = releaseMany(alone, 23);
        long released = outputs.stream().filter(o -> o.length > 0).count();
        assertEquals(0, released, "a group only the added entity creates passes with probability ≤ δ");
    }

    @Test
    void aGroupOfKMinusTenEntities_isNeverReleased() {
        List<double[]> outputs = releaseMany(new ExactAggregates.Group("small", 400, 400L * 20_000, 40), 24);
        assertEquals(0, outputs.stream().filter(o -> o.length > 0).count());
    }

    /** The largest ε that the event tells apart, in either direction, at the chosen confidence. */
    private static double epsilonLowerBound(List<double[]> a, List<double[]> b, Predicate<double[]> event) {
        long inA = a.stream().filter(o -> o.length > 0 && event.test(o)).count();
        long inB = b.stream().filter(o -> o.length > 0 && event.test(o)).count();
        double forward = Math.log(Math.max(ClopperPearson.lower(inA, RUNS, ALPHA), 1e-300)
                / ClopperPearson.upper(inB, RUNS, ALPHA));
        double backward = Math.log(Math.max(ClopperPearson.lower(RUNS - inB, RUNS, ALPHA), 1e-300)
                / ClopperPearson.upper(RUNS - inA, RUNS, ALPHA));
        return Math.max(forward, backward);
    }

    /** The released count, sum, average and entity count of {@code group} over many runs (empty when suppressed). */
    private static List<double[]> releaseMany(ExactAggregates.Group group, long seed) {
        PrivateAggregation mechanism = new PrivateAggregation(ExactAggregates.SHAPE, 50, 1e-7, new Contribution(R, 3),
                EPSILON_MICROS, new DiscreteLaplace(new SecureRandom()), seed);
        double[][] outputs = new double[RUNS][];
        try (RootAllocator allocator = new RootAllocator();
             VectorSchemaRoot source = ExactAggregates.of(allocator, List.of(group))) {
            for (int run = 0; run < RUNS; run++) {
                try (VectorSchemaRoot released = ExactAggregates.releasedRoot(allocator, mechanism, source)) {
                    mechanism.accept(source, released);
                    outputs[run] = released.getRowCount() == 0 ? new double[0] : new double[] {
                            ((Long) released.getVector("n").getObject(0)).doubleValue(),
                            ((BigDecimal) released.getVector("s").getObject(0)).doubleValue(),
                            ((BigDecimal) released.getVector("a").getObject(0)).doubleValue(),
                            ((Long) released.getVector("p").getObject(0)).doubleValue()};
                }
            }
        }
        return List.of(outputs);
    }
}

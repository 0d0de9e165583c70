package io.pdx.sandbox.privacy;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An empirical privacy audit of the whole output control. Two neighbouring datasets differ by one entity that
 * contributes the most it may to every statistic of one group: {@code max_rows_per_entity} rows, each at the upper
 * bound of the summed column, all in that group ({@code max_groups_per_entity} = 1 in the audit, so that its one
 * more distinct entity is the whole sensitivity of COUNT(DISTINCT) too). The mechanism runs 20,000 times on each.
 *
 * <p>The query's ε is split into shares — the group selection, COUNT, SUM, AVG (two: its sum and its count),
 * COUNT(DISTINCT): six — and each released statistic is computed from its own noise only (the group, of 5,000
 * entities, is released in every run: asserted). So an event on one statistic may tell the datasets apart by at most
 * that statistic's share of ε, not by the whole ε. For each statistic the event "at least its exact value with the
 * entity" has, under discrete Laplace noise of the charged scale, a likelihood ratio of exactly e^share; its
 * Clopper–Pearson bounds (one-sided, α = 10⁻⁶ each: a false failure has probability under 2·10⁻⁵) bound ε from
 * below, and that bound must not exceed the share. With every noise halved (a 2× leak) the count, sum and entity
 * count events bound ε from below at about 0.25 against a share of 1/6: the audit fails (checked by breaking
 * {@code NoiseScale} locally), as it does with COUNT's sensitivity taken as 1 instead of R.
 */
class PrivacyAuditTest {

    private static final int RUNS = 20_000;
    private static final int R = 10;
    private static final double ALPHA = 1e-6;
    private static final long EPSILON_MICROS = 1_000_000;
    /** The selection, COUNT, SUM, AVG's sum and count, COUNT(DISTINCT). */
    private static final int SHARES = 6;
    /** The audit's bounds: every row of the added entity in the one group. */
    private static final Contribution ONE_GROUP = new Contribution(R, 1);
    /** The grade's bounds, for the group-selection tests. */
    private static final Contribution BOUNDS = new Contribution(R, 3);

    /** A released statistic: its column's place in {@link #releaseMany}'s output and its shares of ε. */
    private record Statistic(String name, int index, int shares) {
    }

    @Test
    void oneEntityAtTheBound_cannotBeToldApartBeyondItsStatisticsShareOfTheEpsilonCharged() {
        ExactAggregates.Group without = new ExactAggregates.Group("g", 5_000 - R, (5_000L - R) * 20_000, 4_999);
        // "with" adds the entity: R rows, each at the upper bound (500.00 = 50,000 units), one more distinct entity
        ExactAggregates.Group withAtBound = new ExactAggregates.Group("g", 5_000, without.sumUnits() + R * 50_000L, 5_000);

        List<long[]> outputsWith = releaseMany(withAtBound, ONE_GROUP, 21);
        List<long[]> outputsWithout = releaseMany(without, ONE_GROUP, 22);
        assertEquals(0, outputsWith.stream().filter(o -> o.length == 0).count() + outputsWithout.stream().filter(o -> o.length == 0)
                .count(), "a group of about 5,000 entities is released in every run, so each event is on its statistic alone");

        // each statistic's exact value with the entity: count, sum and average in units of 0.01, distinct entities
        long[] exactWith = {withAtBound.rows(), withAtBound.sumUnits(), withAtBound.sumUnits() / withAtBound.rows(),
                withAtBound.entities()};
        List<String> failures = new ArrayList<>();
        StringBuilder bounds = new StringBuilder();
        for (Statistic statistic : List.of(new Statistic("COUNT n", 0, 1), new Statistic("SUM s", 1, 1),
                new Statistic("AVG a", 2, 2), new Statistic("COUNT(DISTINCT) p", 3, 1))) {
            double share = EPSILON_MICROS / 1e6 * statistic.shares() / SHARES;
            double lowerBound = epsilonLowerBound(outputsWith, outputsWithout, o -> o[statistic.index()] >= exactWith[statistic.index()]);
            bounds.append(String.format(" %s: %.3f (share %.3f);", statistic.name(), lowerBound, share));
            if (lowerBound > share) {
                failures.add(statistic.name());
            }
        }
        assertTrue(failures.isEmpty(), "an event on " + failures + " bounds ε from below above its statistic's share of the ε charged:"
                + bounds);
    }

    @Test
    void aGroupOfOneEntity_isNeverReleased() {
        ExactAggregates.Group alone = new ExactAggregates.Group("new", R, R * 50_000L, 1);
        List<long[]> outputs = releaseMany(alone, BOUNDS, 23);
        long released = outputs.stream().filter(o -> o.length > 0).count();
        assertEquals(0, released, "a group only the added entity creates passes with probability ≤ δ");
    }

    @Test
    void aGroupOfKMinusTenEntities_isNeverReleased() {
        List<long[]> outputs = releaseMany(new ExactAggregates.Group("small", 400, 400L * 20_000, 40), BOUNDS, 24);
        assertEquals(0, outputs.stream().filter(o -> o.length > 0).count());
    }

    /** The largest ε that the event tells apart, in either direction, at the chosen confidence. */
    private static double epsilonLowerBound(List<long[]> a, List<long[]> b, Predicate<long[]> event) {
        long inA = a.stream().filter(o -> o.length > 0 && event.test(o)).count();
        long inB = b.stream().filter(o -> o.length > 0 && event.test(o)).count();
        double forward = Math.log(Math.max(ClopperPearson.lower(inA, RUNS, ALPHA), 1e-300)
                / ClopperPearson.upper(inB, RUNS, ALPHA));
        double backward = Math.log(Math.max(ClopperPearson.lower(RUNS - inB, RUNS, ALPHA), 1e-300)
                / ClopperPearson.upper(RUNS - inA, RUNS, ALPHA));
        return Math.max(forward, backward);
    }

    /**
     * The released count, sum and average (in units of 0.01) and entity count of {@code group} over many runs (empty
     * when suppressed).
     */
    private static List<long[]> releaseMany(ExactAggregates.Group group, Contribution contribution, long seed) {
        PrivateAggregation mechanism = new PrivateAggregation(ExactAggregates.SHAPE, 50, 1e-7, contribution,
                EPSILON_MICROS, new DiscreteLaplace(new SecureRandom()), seed);
        assertEquals(SHARES, mechanism.shares());
        long[][] outputs = new long[RUNS][];
        try (RootAllocator allocator = new RootAllocator();
             VectorSchemaRoot source = ExactAggregates.of(allocator, List.of(group))) {
            for (int run = 0; run < RUNS; run++) {
                try (VectorSchemaRoot released = ExactAggregates.releasedRoot(allocator, mechanism, source)) {
                    mechanism.accept(source, released);
                    outputs[run] = released.getRowCount() == 0 ? new long[0] : new long[] {
                            (Long) released.getVector("n").getObject(0),
                            units((BigDecimal) released.getVector("s").getObject(0)),
                            units((BigDecimal) released.getVector("a").getObject(0)),
                            (Long) released.getVector("p").getObject(0)};
                }
            }
        }
        return List.of(outputs);
    }

    private static long units(BigDecimal value) {
        return value.movePointRight(2).longValueExact();
    }
}

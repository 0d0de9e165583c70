package io.pdx.sandbox.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact sampler against the exact discrete Laplace distribution: P(Z = z) = (1 − p)/(1 + p) · p^|z| with
 * p = e^(−1/scale). 10⁵ draws per scale, binned into cells of equal expected mass by the exact CDF, and a
 * chi-square test at 99.9 % — from a scale so large (ε tiny) that the old floating-point sampler returned
 * exactly zero, down to one so small that almost every draw is zero.
 */
class DiscreteLaplaceTest {

    private static final int DRAWS = 100_000;

    @ParameterizedTest(name = "scale {0}/{1}")
    @CsvSource({
            "1000000000000, 1",   // ε = 1e-12 at sensitivity 1: the old sampler saturated to 0 here
            "1000000, 7",         // an odd rational scale
            "5, 2",               // 2.5
            "1, 1",
            "1, 3"                // ε large: p = e^-3
    })
    void samples_followTheExactPmf(long numerator, long denominator) {
        DiscreteLaplace sampler = new DiscreteLaplace(new Random(numerator * 31 + denominator));
        double scale = (double) numerator / denominator;
        List<Long> edges = equalMassEdges(scale, 40);
        long[] observed = new long[edges.size() + 1];
        for (int i = 0; i < DRAWS; i++) {
            long z = sampler.sample(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
            observed[cell(edges, z)]++;
        }
        double chiSquare = 0;
        double previous = 0;
        for (int cell = 0; cell <= edges.size(); cell++) {
            double upTo = cell < edges.size() ? cdf(edges.get(cell), scale) : 1;
            double expected = (upTo - previous) * DRAWS;
            previous = upTo;
            chiSquare += (observed[cell] - expected) * (observed[cell] - expected) / expected;
        }
        int freedom = edges.size();
        double statistic = chiSquare;
        assertTrue(statistic < chiSquareCritical999(freedom),
                () -> "chi-square " + statistic + " with " + freedom + " degrees of freedom at scale " + scale);
    }

    @Test
    void aVerySmallScale_isZeroAlmostAlways_andStillSymmetric() {
        DiscreteLaplace sampler = new DiscreteLaplace(new Random(3));
        long nonZero = 0;
        for (int i = 0; i < DRAWS; i++) {
            nonZero += sampler.sample(BigInteger.ONE, BigInteger.valueOf(100)) != 0 ? 1 : 0; // p = e^-100
        }
        assertEquals(0, nonZero);
    }

    @Test
    void aHugeScale_neverSaturatesToZero() {
        DiscreteLaplace sampler = new DiscreteLaplace(new Random(5));
        BigInteger enormous = BigInteger.TEN.pow(30); // beyond a long: the scale of ε = 1e-30
        long zeros = 0;
        for (int i = 0; i < 2_000; i++) {
            zeros += sampler.sampleExact(enormous, BigInteger.ONE).signum() == 0 ? 1 : 0;
        }
        assertTrue(zeros < 5, "noise of scale 1e30 is essentially never 0, saw " + zeros);
    }

    @Test
    void aScaleThatIsNotPositive_isRefused() {
        DiscreteLaplace sampler = new DiscreteLaplace(new Random(1));
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(BigInteger.ZERO, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(BigInteger.ONE, BigInteger.valueOf(-1)));
    }

    @Test
    void bernoulliExp_hasTheExactMean() {
        DiscreteLaplace sampler = new DiscreteLaplace(new Random(11));
        for (long[] fraction : new long[][] {{1, 2}, {7, 3}, {0, 1}}) {
            int ones = 0;
            for (int i = 0; i < DRAWS; i++) {
                ones += sampler.bernoulliExp(BigInteger.valueOf(fraction[0]), BigInteger.valueOf(fraction[1])) ? 1 : 0;
            }
            double expected = Math.exp(-(double) fraction[0] / fraction[1]);
            double sd = Math.sqrt(expected * (1 - expected) / DRAWS);
            assertTrue(Math.abs((double) ones / DRAWS - expected) <= 4 * sd + 1e-9,
                    "Bernoulli(exp(-" + fraction[0] + "/" + fraction[1] + ")): " + ones);
        }
    }

    /** P(Z ≤ z) of the discrete Laplace of {@code scale}. */
    static double cdf(long z, double scale) {
        double logP = -1 / scale;
        double onePlusP = 1 + Math.exp(logP);
        if (z >= 0) {
            return 1 - Math.exp((z + 1) * logP) / onePlusP;
        }
        return Math.exp(-z * logP) / onePlusP;
    }

    /** Cell edges e_1 < … so that each cell (−∞, e_1], (e_1, e_2], … holds about 1/cells of the mass. */
    private static List<Long> equalMassEdges(double scale, int cells) {
        List<Long> edges = new ArrayList<>();
        long z = -(long) Math.ceil(scale * 40) - 1;
        for (int i = 1; i < cells; i++) {
            double target = (double) i / cells;
            long low = z;
            long high = (long) Math.ceil(scale * 40) + 1;
            while (low < high) {
                long middle = Math.floorDiv(low + high, 2);
                if (cdf(middle, scale) >= target) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            if (edges.isEmpty() || low > edges.get(edges.size() - 1)) {
                edges.add(low);
            }
        }
        return edges;
    }

    private static int cell(List<Long> edges, long z) {
        int low = 0;
        int high = edges.size();
        while (low < high) {
            int middle = (low + high) / 2;
            if (z <= edges.get(middle)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The 99.9 % point of the chi-square distribution (Wilson–Hilferty). */
    static double chiSquareCritical999(int freedom) {
        double z = 3.090232;
        double a = 2.0 / (9.0 * freedom);
        return freedom * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }
}

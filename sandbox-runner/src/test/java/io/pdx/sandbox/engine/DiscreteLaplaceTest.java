package io.pdx.sandbox.engine;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscreteLaplaceTest {

    private final DiscreteLaplace noise = new DiscreteLaplace(new SecureRandom());

    @Test
    void samples_areCentredOnZero_withTheVarianceOfTheTwoSidedGeometric() {
        double scale = 4;
        int n = 200_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            long x = noise.sample(scale);
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / n;
        double variance = squares / n - mean * mean;
        double alpha = Math.exp(-1 / scale);
        double expected = 2 * alpha / ((1 - alpha) * (1 - alpha));
        assertTrue(Math.abs(mean) < 0.1, "mean " + mean);
        assertEquals(expected, variance, expected * 0.05, "variance");
    }

    @Test
    void zeroScale_addsNothing_andNoiseIsNotConstant() {
        assertEquals(0, noise.sample(0));
        long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> noise.sample(2)).distinct().count();
        assertTrue(distinct > 3, "draws vary");
    }
}

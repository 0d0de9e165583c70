package io.pdx.sandbox.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The threshold of the noisy group selection, against the exact tail of its noise. */
class GroupSelectionTest {

    @ParameterizedTest(name = "k {0}, δ {1}, G {2}, ε {3} µ, {4} shares")
    @CsvSource({"50, 1e-7, 3, 550000, 4", "50, 1e-7, 1, 1000000, 2", "10, 1e-9, 10, 100000, 7", "2, 1e-3, 1, 1000000, 1"})
    void underKPasses_withProbabilityAtMostDeltaOverG(int k, double delta, int groups, long epsilon, int shares) {
        GroupSelection selection = new GroupSelection(k, delta, groups, epsilon, shares, new DiscreteLaplace(new Random(1)));
        double b = selection.scale().asDouble();
        double p = Math.exp(-1 / b);
        // exact P(n + Z ≥ τ) for n = k − 1 is P(Z ≥ τ − k + 1) = p^c / (1 + p)
        double pass = Math.pow(p, selection.threshold() - (k - 1)) / (1 + p);
        assertTrue(pass <= delta / groups, "P = " + pass);
        assertTrue(Math.pow(p, selection.threshold() - (k - 1) - 2) / (1 + p) > delta / groups / 10,
                "the threshold is not needlessly high");
    }

    @ParameterizedTest
    @CsvSource({"49", "40", "1", "0"})
    void groupsUnderK_areNotReleasedIn20000Tries(long entities) {
        GroupSelection selection = new GroupSelection(50, 1e-7, 3, 1_000_000, 2, new DiscreteLaplace(new java.security.SecureRandom()));
        long released = 0;
        for (int i = 0; i < 20_000; i++) {
            released += selection.releases(entities) ? 1 : 0;
        }
        assertEquals(0, released);
    }

    @ParameterizedTest
    @CsvSource({"1000"})
    void groupsWellAboveTheThreshold_areReleased(long entities) {
        GroupSelection selection = new GroupSelection(50, 1e-7, 3, 1_000_000, 2, new DiscreteLaplace(new Random(2)));
        long released = 0;
        for (int i = 0; i < 1_000; i++) {
            released += selection.releases(entities) ? 1 : 0;
        }
        assertEquals(1_000, released);
    }
}

package io.pdx.sandbox.engine;

import java.security.SecureRandom;

/**
 * Integer Laplace noise (the two-sided geometric mechanism): the difference of two geometric
 * draws with {@code p = 1 - exp(-1/scale)}, where {@code scale = sensitivity / ε}. Drawn from
 * {@link SecureRandom} so that nobody can predict or replay it.
 */
public final class DiscreteLaplace {

    private final SecureRandom random;

    public DiscreteLaplace(SecureRandom random) {
        this.random = random;
    }

    /** One draw of noise with the given scale; 0 for a scale of 0 (nothing to hide). */
    public long sample(double scale) {
        if (!(scale > 0)) {
            return 0;
        }
        double alpha = Math.exp(-1.0 / scale);
        return geometric(alpha) - geometric(alpha);
    }

    /** Failures before the first success, success probability 1 - alpha. */
    private long geometric(double alpha) {
        double u = 1.0 - random.nextDouble(); // (0, 1]
        return (long) Math.floor(Math.log(u) / Math.log(alpha));
    }
}

package io.pdx.sandbox.privacy;

import java.math.BigInteger;
import java.util.Random;

/**
 * Exact samples of the discrete Laplace distribution, {@code P(x) ∝ exp(-|x| / scale)} over the
 * integers, for a rational scale {@code t / s}: Algorithms 1 and 2 of Canonne, Kamath and Steinke,
 * "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020), as OpenDP implements them. Only
 * integer arithmetic and uniform integers: no floating-point {@code log} or {@code exp} that could
 * saturate to zero noise, however small ε is. Draw from a {@link java.security.SecureRandom} in
 * production, so nobody can predict or replay the noise.
 */
public final class DiscreteLaplace {


    private final Random random;

    public DiscreteLaplace(Random random) {
        this.random = random;
    }

    /** One sample with scale {@code numerator / denominator} (both positive), as a long. */
    public long sample(BigInteger numerator, BigInteger denominator) {
        return sampleExact(numerator, denominator).longValueExact();
    }

    /** One sample with scale {@code numerator / denominator} (both positive), of any size. */
    public BigInteger sampleExact(BigInteger numerator, BigInteger denominator) {
        if (numerator.signum() <= 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("the scale of the discrete Laplace is positive");
        }
        BigInteger t = numerator;
        BigInteger s = denominator;
        while (true) {
            BigInteger u = uniform(t);
            if (!bernoulliExp(u, t)) {
                continue;
            }
            long v = 0;
            while (bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
                v++;
            }
            BigInteger x = u.add(t.multiply(BigInteger.valueOf(v)));
            BigInteger y = x.divide(s);
            boolean negative = random.nextBoolean();
            if (negative && y.signum() == 0) {
                continue;
            }
            return negative ? y.negate() : y;
        }
    }

    /** One sample with scale {@code scale}. */
    public long sample(NoiseScale scale) {
        return sample(scale.numerator(), scale.denominator());
    }

    /** One sample with scale {@code scale}, of any size. */
    public BigInteger sampleExact(NoiseScale scale) {
        return sampleExact(scale.numerator(), scale.denominator());
    }

    /** Bernoulli(exp(-n/d)) for n ≥ 0, d > 0 (Algorithm 1). */
    boolean bernoulliExp(BigInteger n, BigInteger d) {
        if (n.compareTo(d) <= 0) {
            long k = 1;
            while (bernoulli(n, d.multiply(BigInteger.valueOf(k)))) {
                k++;
            }
            return k % 2 == 1;
        }
        BigInteger[] whole = n.divideAndRemainder(d);
        for (BigInteger i = BigInteger.ZERO; i.compareTo(whole[0]) < 0; i = i.add(BigInteger.ONE)) {
            if (!bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
                return false;
            }
        }
        return bernoulliExp(whole[1], d);
    }

    /** Bernoulli(n/d) for 0 ≤ n ≤ d. */
    private boolean bernoulli(BigInteger n, BigInteger d) {
        return uniform(d).compareTo(n) < 0;
    }

    /** A uniform integer in [0, bound), by rejection from uniform bit strings. */
    private BigInteger uniform(BigInteger bound) {
        if (bound.bitLength() < 63) {
            return BigInteger.valueOf(uniform(bound.longValue()));
        }
        BigInteger draw;
        do {
            draw = new BigInteger(bound.bitLength(), random);
        } while (draw.compareTo(bound) >= 0);
        return draw;
    }

    private long uniform(long bound) {
        if (bound == 1) {
            return 0;
        }
        // rejection sampling over the largest multiple of bound below 2^62: exactly uniform
        long limit = Long.MAX_VALUE / 2 - (Long.MAX_VALUE / 2) % bound;
        long draw;
        do {
            draw = random.nextLong() >>> 2;
        } while (draw >= limit);
        return draw % bound;
    }
}

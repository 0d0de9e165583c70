package io.pdx.sandbox.privacy;

import java.math.BigInteger;

/**
 * Which groups a differentially private result may show: a group is released only when its noisy count
 * of distinct entities reaches a threshold τ, calibrated so that a group of fewer than k entities
 * passes with probability at most δ / G (G: the groups one entity can reach), hence at most δ for all
 * the groups one entity could add. The count's noise is discrete Laplace with scale G / ε_selection
 * (one entity changes at most G groups' counts by one each).
 *
 * <p>For discrete Laplace noise Z of scale b, P(Z ≥ c) = e^(-c/b) / (1 + e^(-1/b)) ≤ e^(-c/b); so
 * c = ⌈b · ln(G/δ)⌉ + 1 (one more for floating-point doubt in the logarithm) and τ = (k − 1) + c.
 */
public final class GroupSelection {

    private final long threshold;
    private final NoiseScale scale;
    private final DiscreteLaplace noise;

    /**
     * @param k             groups under k entities pass with probability at most {@code delta}
     * @param delta         δ of the query
     * @param groupsReached G: the most groups one entity contributes to
     * @param epsilonMicros the ε share of the selection, in micro-units of the query's ε …
     * @param shares        … divided by this many shares
     */
    public GroupSelection(int k, double delta, int groupsReached, long epsilonMicros, int shares, DiscreteLaplace noise) {
        if (k < 1 || !(delta > 0 && delta < 1) || groupsReached < 1) {
            throw new IllegalArgumentException("group selection needs k ≥ 1, 0 < δ < 1 and G ≥ 1");
        }
        this.scale = NoiseScale.of(BigInteger.valueOf(groupsReached), epsilonMicros, shares);
        this.noise = noise;
        double b = scale.asDouble();
        long margin = (long) Math.ceil(b * Math.log(groupsReached / delta)) + 1;
        this.threshold = (k - 1) + margin;
    }

    /** τ: the noisy entity count a group needs. */
    public long threshold() {
        return threshold;
    }

    public NoiseScale scale() {
        return scale;
    }

    /** Whether a group of {@code entities} distinct entities is released (one fresh draw of noise per call). */
    public boolean releases(long entities) {
        return entities + noise.sample(scale) >= threshold;
    }
}

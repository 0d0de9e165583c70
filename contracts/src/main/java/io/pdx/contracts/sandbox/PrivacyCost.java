package io.pdx.contracts.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of privacy budget in integer units, so that sums never drift: ε in micro-units (10⁻⁶) and
 * δ in pico-units (10⁻¹²; δ per query is below one micro-unit, e.g. 10⁻⁷ = 100,000 pico-units).
 * Conversions from a decimal round up: a charge is never smaller than what was asked.
 */
public record PrivacyCost(long epsilonMicros, long deltaPicos) {

    public static final PrivacyCost NONE = new PrivacyCost(0, 0);
    private static final BigDecimal MICRO = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal PICO = BigDecimal.valueOf(1_000_000_000_000L);

    public PrivacyCost {
        if (epsilonMicros < 0 || deltaPicos < 0) {
            throw new IllegalArgumentException("a privacy cost is never negative");
        }
    }

    /** ε in micro-units, rounded up. */
    public static long epsilonMicros(double epsilon) {
        return BigDecimal.valueOf(epsilon).multiply(MICRO).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** δ in pico-units, rounded up. */
    public static long deltaPicos(double delta) {
        return BigDecimal.valueOf(delta).multiply(PICO).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public static PrivacyCost of(double epsilon, double delta) {
        return new PrivacyCost(epsilonMicros(epsilon), deltaPicos(delta));
    }

    /** ε as an exact decimal, without trailing zeros. */
    public BigDecimal epsilon() {
        return plain(BigDecimal.valueOf(epsilonMicros, 6));
    }

    /** δ as an exact decimal, without trailing zeros. */
    public BigDecimal delta() {
        return plain(BigDecimal.valueOf(deltaPicos, 12));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public PrivacyCost plus(PrivacyCost other) {
        return new PrivacyCost(Math.addExact(epsilonMicros, other.epsilonMicros), Math.addExact(deltaPicos, other.deltaPicos));
    }

    /** What is left of this budget after {@code spent}, never below zero. */
    public PrivacyCost minusOrZero(PrivacyCost spent) {
        return new PrivacyCost(Math.max(0, epsilonMicros - spent.epsilonMicros), Math.max(0, deltaPicos - spent.deltaPicos));
    }

    public boolean covers(PrivacyCost charge) {
        return epsilonMicros >= charge.epsilonMicros && deltaPicos >= charge.deltaPicos;
    }
}

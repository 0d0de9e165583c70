package io.pdx.sandbox.privacy;

import java.math.BigInteger;

/**
 * The scale of discrete Laplace noise as an exact fraction, {@code sensitivity / ε}, where ε is
 * {@code epsilonMicros / (1,000,000 × shares)}: the query's ε split evenly between {@code shares}
 * noisy quantities. Sensitivity is an integer in units of the released grid.
 */
public record NoiseScale(BigInteger numerator, BigInteger denominator) {

    private static final BigInteger MICRO = BigInteger.valueOf(1_000_000);

    public NoiseScale {
        if (numerator.signum() <= 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("a noise scale is positive");
        }
        BigInteger gcd = numerator.gcd(denominator);
        numerator = numerator.divide(gcd);
        denominator = denominator.divide(gcd);
    }

    /** {@code sensitivity / (epsilonMicros / (10⁶ × shares))}. */
    public static NoiseScale of(BigInteger sensitivity, long epsilonMicros, int shares) {
        if (epsilonMicros <= 0 || shares <= 0) {
            throw new IllegalArgumentException("ε and its shares are positive");
        }
        return new NoiseScale(sensitivity.multiply(MICRO).multiply(BigInteger.valueOf(shares)), BigInteger.valueOf(epsilonMicros));
    }

    public double asDouble() {
        return new java.math.BigDecimal(numerator).divide(new java.math.BigDecimal(denominator), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }
}

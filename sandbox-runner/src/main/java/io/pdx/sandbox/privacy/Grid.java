package io.pdx.sandbox.privacy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The grid a released value lies on: a power of ten, {@code 10^exponent} (0.01 for money in yuan, 1 for
 * counts). Sums are computed and noised in whole units of the grid, so no digit below it ever leaves.
 */
public record Grid(int exponent) {

    public static final Grid UNIT = new Grid(0);
    /** The finest and coarsest grids a provider may declare. */
    public static final int FINEST = -6;
    public static final int COARSEST = 6;

    public Grid {
        if (exponent < FINEST || exponent > COARSEST) {
            throw new IllegalArgumentException("a granularity is a power of ten between 1e-6 and 1e6");
        }
    }

    /** The grid of a declared granularity, which must be a power of ten. */
    public static Grid of(BigDecimal granularity) {
        BigDecimal normalized = granularity.stripTrailingZeros();
        if (normalized.unscaledValue().compareTo(BigInteger.ONE) != 0) {
            throw new IllegalArgumentException("a granularity is a power of ten, such as 0.01 or 1");
        }
        return new Grid(-normalized.scale());
    }

    /** Digits after the decimal point of a released value. */
    public int scale() {
        return Math.max(0, -exponent);
    }

    /** A declared value in whole units of the grid (it must lie on the grid). */
    public BigInteger units(BigDecimal value) {
        return value.scaleByPowerOfTen(-exponent).toBigIntegerExact();
    }

    /** Whole units back to a value, with {@link #scale()} digits. */
    public BigDecimal value(BigInteger units) {
        return new BigDecimal(units).scaleByPowerOfTen(exponent).setScale(scale(), RoundingMode.UNNECESSARY);
    }

    /** SQL that turns a DOUBLE expression into whole units of the grid, as a BIGINT. */
    public String unitsSql(String doubleExpression) {
        String scaled = exponent <= 0
                ? "(" + doubleExpression + ") * " + BigDecimal.ONE.scaleByPowerOfTen(-exponent).toPlainString()
                : "(" + doubleExpression + ") / " + BigDecimal.ONE.scaleByPowerOfTen(exponent).toPlainString();
        return "CAST(round(" + scaled + ") AS BIGINT)";
    }

    public BigDecimal granularity() {
        return BigDecimal.ONE.scaleByPowerOfTen(exponent);
    }
}

package io.pdx.contracts.product;

/** The period a {@link PriceKind#PER_PERIOD} price is charged for. */
public enum PricePeriod {
    MONTH,
    QUARTER,
    YEAR
}

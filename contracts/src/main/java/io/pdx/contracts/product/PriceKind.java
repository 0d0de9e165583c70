package io.pdx.contracts.product;

/** 计价方式: free for public governance and welfare use, else a capped government-guided price. */
public enum PriceKind {
    FREE,
    PER_CALL,
    PER_1000_ROWS,
    PER_PERIOD
}

package io.pdx.sandbox.demo;

import java.util.Locale;

/** How much demo data to make: {@code small} by default, {@code full} for benchmarks, {@code tiny} for tests. */
public enum DemoScale {
    TINY(0.01),
    SMALL(1),
    FULL(100);

    private final double factor;

    DemoScale(double factor) {
        this.factor = factor;
    }

    /** Rows for a dataset of {@code smallRows} rows at the default scale, capped below by 100. */
    public long rows(long smallRows) {
        return Math.max(100, Math.round(smallRows * factor));
    }

    /** Rows capped at {@code maxRows}: datasets whose size is bounded by the real world (stations, entities). */
    public long rows(long smallRows, long maxRows) {
        return Math.min(maxRows, rows(smallRows));
    }

    public static DemoScale parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}

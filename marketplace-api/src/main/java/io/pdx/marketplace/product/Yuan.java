package io.pdx.marketplace.product;

import java.math.BigDecimal;

/** An amount in fen (分) as people read it: yuan with two decimals, exact (never through floating point), e.g. ¥1,234.50. */
public final class Yuan {

    private Yuan() {
    }

    public static String of(long fen) {
        BigDecimal yuan = BigDecimal.valueOf(fen).movePointLeft(2);
        return (fen < 0 ? "-¥" : "¥") + String.format(java.util.Locale.ROOT, "%,.2f", yuan.abs());
    }
}

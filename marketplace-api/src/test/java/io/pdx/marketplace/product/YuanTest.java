package io.pdx.marketplace.product;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Amounts in fen read as yuan, exactly: two decimals, thousands grouped, never through a double. */
class YuanTest {

    @Test
    void fen_readAsYuan_exactly() {
        assertEquals("¥0.00", Yuan.of(0));
        assertEquals("¥0.05", Yuan.of(5));
        assertEquals("¥123.45", Yuan.of(12_345));
        assertEquals("¥1,234,567.89", Yuan.of(123_456_789));
        assertEquals("-¥0.10", Yuan.of(-10));
        assertEquals("¥92,233,720,368,547,758.07", Yuan.of(Long.MAX_VALUE), "no rounding at the largest amount");
    }
}

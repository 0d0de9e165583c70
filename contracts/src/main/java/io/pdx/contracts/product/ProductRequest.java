package io.pdx.contracts.product;

import java.math.BigDecimal;
import java.util.List;

/**
 * The bureau's listing of a registered dataset as a data product ({@code POST /products}).
 * Strings for ids and enumerated values and decimals for amounts, so that a wrong value is
 * reported by field name (a fractional fen is an error, not silently cut off).
 *
 * @param datasetId    the registered dataset version to list
 * @param nameZh       product name; the dataset's name when absent
 * @param nameEn       English product name; the dataset's when absent
 * @param modes        {@code DELIVERY} and/or {@code SANDBOX}, as the dataset's grade allows
 * @param priceRule    the price rule
 * @param scenarios    application scenarios for the product description (说明书)
 * @param qualityNotes data quality statement for the product description
 */
public record ProductRequest(
        String datasetId,
        String nameZh,
        String nameEn,
        List<String> modes,
        Price priceRule,
        List<String> scenarios,
        String qualityNotes) {

    /**
     * @param kind         {@code FREE}, {@code PER_CALL}, {@code PER_1000_ROWS} or {@code PER_PERIOD}
     * @param unitPriceFen whole fen; 0 for FREE
     * @param capFen       whole fen, the government-guided upper limit; required unless FREE
     * @param period       {@code MONTH}, {@code QUARTER} or {@code YEAR}; for PER_PERIOD only
     */
    public record Price(String kind, BigDecimal unitPriceFen, BigDecimal capFen, String period) {
    }
}

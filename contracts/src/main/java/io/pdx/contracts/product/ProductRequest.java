package io.pdx.contracts.product;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
 * @param holderConsent the holding department's consent the bureau records with the listing, if any
 */
@Schema(description = "A product listing (数据产品上架). Checked beyond this schema (422): each mode is one the dataset's "
        + "grade allows, and the price rule's own rules (Price).")
public record ProductRequest(
        @Schema(required = true, format = "uuid", pattern = UUID_PATTERN, description = "The registered dataset to list") String datasetId,
        @Schema(pattern = Text.NOT_BLANK, maxLength = MAX_NAME, description = "The dataset's name when absent") String nameZh,
        @Schema(pattern = Text.NOT_BLANK, maxLength = MAX_NAME, description = "The dataset's English name when absent") String nameEn,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = LicenseMode.class, minItems = 1, uniqueItems = true)
        List<String> modes,
        @Schema(required = true) Price priceRule,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Scenario.class, minItems = 1, maxItems = MAX_SCENARIOS)
        List<String> scenarios,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_QUALITY_NOTES, description = "质量说明") String qualityNotes,
        @Schema(description = "The holding department's consent, when the bureau lists the product with the department's letter; a product listed by its holding department has it by itself, one without it is not listed until the department consents (POST /products/{id}/consent)")
        ConsentRequest holderConsent) {

    /** A listing without a recorded consent (the holder lists it itself, or consents later). */
    public ProductRequest(String datasetId, String nameZh, String nameEn, List<String> modes, Price priceRule,
                          List<String> scenarios, String qualityNotes) {
        this(datasetId, nameZh, nameEn, modes, priceRule, scenarios, qualityNotes, null);
    }

    public static final int MAX_NAME = 200;
    public static final int MAX_SCENARIOS = 20;
    public static final int MAX_SCENARIO = 500;
    public static final int MAX_QUALITY_NOTES = 4000;
    /** A UUID in its canonical form. */
    public static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final String MAX_FEN = "9223372036854775807";

    /**
     * @param kind         {@code FREE}, {@code PER_CALL}, {@code PER_1000_ROWS} or {@code PER_PERIOD}
     * @param unitPriceFen whole fen; 0 for FREE
     * @param capFen       whole fen, the government-guided upper limit; required unless FREE
     * @param period       {@code MONTH}, {@code QUARTER} or {@code YEAR}; for PER_PERIOD only
     */
    @Schema(description = "A price rule in whole fen (分). Checked beyond this schema (422): FREE costs 0, a priced kind at "
            + "least 1 fen under a capFen of at least 1 fen; unitPriceFen does not exceed capFen; capFen is required unless "
            + "FREE; period is given for PER_PERIOD and only for it.")
    public record Price(
            @Schema(required = true, type = SchemaType.STRING, implementation = PriceKind.class) String kind,
            @Schema(required = true, type = SchemaType.INTEGER, minimum = "0", maximum = MAX_FEN) BigDecimal unitPriceFen,
            @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = MAX_FEN, description = "政府指导价上限; required unless FREE")
            BigDecimal capFen,
            @Schema(type = SchemaType.STRING, implementation = PricePeriod.class, description = "PER_PERIOD only") String period) {
    }

    /** An application scenario as the OpenAPI document shows it. */
    @Schema(name = "Scenario", type = SchemaType.STRING, pattern = Text.NOT_BLANK, maxLength = MAX_SCENARIO,
            description = "An application scenario (应用场景)")
    public static final class Scenario {
        private Scenario() {
        }
    }
}

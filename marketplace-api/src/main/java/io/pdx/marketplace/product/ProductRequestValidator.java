package io.pdx.marketplace.product;

import io.pdx.contracts.Grade;
import io.pdx.contracts.Text;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.product.PricePeriod;
import io.pdx.contracts.product.ProductRequest;
import io.pdx.marketplace.problem.FieldCheck;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every field of a product request, checked at once against {@link ProductRequest}'s schema (the same constants) and
 * the rules its description names; each error names its field by JSON path ({@code modes[1]},
 * {@code priceRule.unitPriceFen}) so the bureau fixes all in one go.
 */
final class ProductRequestValidator {

    static final int MAX_NAME = ProductRequest.MAX_NAME;
    static final int MAX_SCENARIOS = ProductRequest.MAX_SCENARIOS;
    static final int MAX_SCENARIO = ProductRequest.MAX_SCENARIO;
    static final int MAX_QUALITY_NOTES = ProductRequest.MAX_QUALITY_NOTES;
    private static final BigDecimal MAX_FEN = BigDecimal.valueOf(Long.MAX_VALUE);

    private ProductRequestValidator() {
    }

    /** The dataset id of {@code request}; a missing or malformed one is a 400 naming {@code datasetId}. */
    static UUID datasetId(ProductRequest request) {
        if (request.datasetId() == null) {
            throw InvalidProduct.of("datasetId", "is required");
        }
        if (!Text.matches(ProductRequest.UUID_PATTERN, request.datasetId())) {
            throw InvalidProduct.of("datasetId", "must be a dataset id (UUID)");
        }
        return UUID.fromString(request.datasetId());
    }

    /**
     * The request checked for a dataset of {@code grade}, whose allowed modes are {@code allowedModes} (from the
     * policy data). With no allowed mode at all the grade is never listed, which is a conflict the caller reports
     * instead; modes are then checked for shape only.
     */
    static FieldCheck check(ProductRequest request, Grade grade, List<LicenseMode> allowedModes) {
        FieldCheck check = new FieldCheck();
        check.text("nameZh", request.nameZh(), false, false, MAX_NAME);
        check.text("nameEn", request.nameEn(), false, false, MAX_NAME);
        modes(check, request.modes(), grade, allowedModes);
        price(check, request.priceRule());
        scenarios(check, request.scenarios());
        if (request.qualityNotes() == null) {
            check.schema("qualityNotes", "is required (质量说明)");
        } else {
            check.text("qualityNotes", request.qualityNotes(), true, false, MAX_QUALITY_NOTES);
        }
        return check;
    }

    private static void modes(FieldCheck check, List<String> modes, Grade grade, List<LicenseMode> allowed) {
        if (modes == null || modes.isEmpty()) {
            check.schema("modes", "at least one of " + java.util.Arrays.toString(LicenseMode.values()));
            return;
        }
        Set<LicenseMode> seen = new HashSet<>();
        for (int i = 0; i < modes.size(); i++) {
            String at = "modes[" + i + "]";
            LicenseMode mode = check.oneOf(at, modes.get(i), LicenseMode.class, true);
            if (mode == null) {
                continue;
            }
            if (!seen.add(mode)) {
                check.schema(at, "duplicate mode");
            } else if (!allowed.isEmpty() && !allowed.contains(mode)) {
                check.rule(at, mode + " is not allowed for grade " + grade + " (allowed: " + allowed + ")");
            }
        }
    }

    private static void price(FieldCheck check, ProductRequest.Price price) {
        if (price == null) {
            check.schema("priceRule", "is required");
            return;
        }
        PriceKind kind = check.oneOf("priceRule.kind", price.kind(), PriceKind.class, true);
        Long unit = fen(check, "priceRule.unitPriceFen", price.unitPriceFen(), true);
        Long cap = fen(check, "priceRule.capFen", price.capFen(), false);
        if (price.capFen() == null && kind != null && kind != PriceKind.FREE) {
            check.rule("priceRule.capFen", "is required (whole fen)");
        }
        if (kind == PriceKind.FREE) {
            if (unit != null && unit != 0) {
                check.rule("priceRule.unitPriceFen", "a FREE product costs 0");
            }
        } else if (kind != null) {
            if (unit != null && unit == 0) {
                check.rule("priceRule.unitPriceFen", "a priced product costs at least 1 fen; use FREE otherwise");
            }
            if (cap != null && cap == 0) {
                check.rule("priceRule.capFen", "the government-guided upper limit is at least 1 fen");
            }
        }
        if (unit != null && cap != null && unit > cap) {
            check.rule("priceRule.unitPriceFen", "must not exceed capFen, the government-guided upper limit (政府指导价上限)");
        }
        PricePeriod period = check.oneOf("priceRule.period", price.period(), PricePeriod.class, false);
        if (kind == PriceKind.PER_PERIOD && price.period() == null) {
            check.rule("priceRule.period", "must be one of " + io.pdx.marketplace.problem.EnumParameter.allowed(PricePeriod.class));
        } else if (kind != null && kind != PriceKind.PER_PERIOD && period != null) {
            check.rule("priceRule.period", "only a PER_PERIOD price has a period");
        }
    }

    /** A whole, non-negative number of fen; null when missing or wrong (and then reported if required). */
    static Long fen(FieldCheck check, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                check.schema(field, "is required (whole fen)");
            }
            return null;
        }
        if (value.signum() < 0) {
            check.schema(field, "must be 0 or more");
        } else if (value.stripTrailingZeros().scale() > 0) {
            check.schema(field, "must be a whole number of fen (分)");
        } else if (value.compareTo(MAX_FEN) > 0) {
            check.schema(field, "is too large");
        } else {
            return value.longValueExact();
        }
        return null;
    }

    private static void scenarios(FieldCheck check, List<String> scenarios) {
        if (scenarios == null || scenarios.isEmpty()) {
            check.schema("scenarios", "at least one application scenario (应用场景)");
            return;
        }
        if (scenarios.size() > MAX_SCENARIOS) {
            check.schema("scenarios", "at most " + MAX_SCENARIOS + " scenarios");
        }
        for (int i = 0; i < scenarios.size(); i++) {
            check.text("scenarios[" + i + "]", scenarios.get(i), true, false, MAX_SCENARIO);
        }
    }
}

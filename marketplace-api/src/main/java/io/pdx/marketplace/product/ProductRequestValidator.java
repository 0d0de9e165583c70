package io.pdx.marketplace.product;

import io.pdx.contracts.Grade;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.product.PricePeriod;
import io.pdx.contracts.product.ProductRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every field of a product request, checked at once; each error names its field by JSON path
 * ({@code modes[1]}, {@code priceRule.unitPriceFen}) so the bureau fixes all in one go.
 */
final class ProductRequestValidator {

    static final int MAX_NAME = 200;
    static final int MAX_SCENARIOS = 20;
    static final int MAX_SCENARIO = 500;
    static final int MAX_QUALITY_NOTES = 4000;
    private static final BigDecimal MAX_FEN = BigDecimal.valueOf(Long.MAX_VALUE);

    private ProductRequestValidator() {
    }

    /** The dataset id of {@code request}; a missing or malformed one is a 400 naming {@code datasetId}. */
    static UUID datasetId(ProductRequest request) {
        if (request.datasetId() == null || request.datasetId().isBlank()) {
            throw InvalidProduct.of("datasetId", "is required");
        }
        try {
            return UUID.fromString(request.datasetId().trim());
        } catch (IllegalArgumentException notUuid) {
            throw InvalidProduct.of("datasetId", "must be a dataset id (UUID)");
        }
    }

    /**
     * The errors of {@code request} for a dataset of {@code grade}, whose allowed modes are
     * {@code allowedModes} (from the policy data). With no allowed mode at all the grade is never
     * listed, which is a conflict the caller reports instead; modes are then checked for shape only.
     */
    static List<FieldError> errors(ProductRequest request, Grade grade, List<LicenseMode> allowedModes) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "nameZh", request.nameZh(), MAX_NAME);
        text(errors, "nameEn", request.nameEn(), MAX_NAME);
        modes(errors, request.modes(), grade, allowedModes);
        price(errors, request.priceRule());
        scenarios(errors, request.scenarios());
        if (request.qualityNotes() == null || request.qualityNotes().isBlank()) {
            errors.add(new FieldError("qualityNotes", "is required (质量说明)"));
        } else {
            text(errors, "qualityNotes", request.qualityNotes(), MAX_QUALITY_NOTES);
        }
        return errors;
    }

    private static void modes(List<FieldError> errors, List<String> modes, Grade grade, List<LicenseMode> allowed) {
        if (modes == null || modes.isEmpty()) {
            errors.add(new FieldError("modes", "at least one of " + Arrays.toString(LicenseMode.values())));
            return;
        }
        Set<LicenseMode> seen = new HashSet<>();
        for (int i = 0; i < modes.size(); i++) {
            String at = "modes[" + i + "]";
            LicenseMode mode = oneOf(errors, at, LicenseMode.class, modes.get(i));
            if (mode == null) {
                continue;
            }
            if (!seen.add(mode)) {
                errors.add(new FieldError(at, "duplicate mode"));
            } else if (!allowed.isEmpty() && !allowed.contains(mode)) {
                errors.add(new FieldError(at, mode + " is not allowed for grade " + grade + " (allowed: " + allowed + ")"));
            }
        }
    }

    private static void price(List<FieldError> errors, ProductRequest.Price price) {
        if (price == null) {
            errors.add(new FieldError("priceRule", "is required"));
            return;
        }
        PriceKind kind = oneOf(errors, "priceRule.kind", PriceKind.class, price.kind());
        Long unit = fen(errors, "priceRule.unitPriceFen", price.unitPriceFen(), true);
        Long cap = fen(errors, "priceRule.capFen", price.capFen(), kind != PriceKind.FREE);
        if (kind == PriceKind.FREE) {
            if (unit != null && unit != 0) {
                errors.add(new FieldError("priceRule.unitPriceFen", "a FREE product costs 0"));
            }
        } else if (kind != null) {
            if (unit != null && unit == 0) {
                errors.add(new FieldError("priceRule.unitPriceFen", "a priced product costs at least 1 fen; use FREE otherwise"));
            }
            if (cap != null && cap == 0) {
                errors.add(new FieldError("priceRule.capFen", "the government-guided upper limit is at least 1 fen"));
            }
        }
        if (unit != null && cap != null && unit > cap) {
            errors.add(new FieldError("priceRule.unitPriceFen",
                    "must not exceed capFen, the government-guided upper limit (政府指导价上限)"));
        }
        if (kind == PriceKind.PER_PERIOD) {
            oneOf(errors, "priceRule.period", PricePeriod.class, price.period());
        } else if (price.period() != null) {
            errors.add(new FieldError("priceRule.period", "only a PER_PERIOD price has a period"));
        }
    }

    /** A whole, non-negative number of fen; null when missing or wrong (and then reported if required). */
    private static Long fen(List<FieldError> errors, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required (whole fen)"));
            }
            return null;
        }
        if (value.signum() < 0) {
            errors.add(new FieldError(field, "must be 0 or more"));
        } else if (value.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(field, "must be a whole number of fen (分)"));
        } else if (value.compareTo(MAX_FEN) > 0) {
            errors.add(new FieldError(field, "is too large"));
        } else {
            return value.longValueExact();
        }
        return null;
    }

    private static void scenarios(List<FieldError> errors, List<String> scenarios) {
        if (scenarios == null || scenarios.isEmpty()) {
            errors.add(new FieldError("scenarios", "at least one application scenario (应用场景)"));
            return;
        }
        if (scenarios.size() > MAX_SCENARIOS) {
            errors.add(new FieldError("scenarios", "at most " + MAX_SCENARIOS + " scenarios"));
        }
        for (int i = 0; i < scenarios.size(); i++) {
            String scenario = scenarios.get(i);
            if (scenario == null || scenario.isBlank()) {
                errors.add(new FieldError("scenarios[" + i + "]", "must not be blank"));
            } else {
                text(errors, "scenarios[" + i + "]", scenario, MAX_SCENARIO);
            }
        }
    }

    /** An optional text: when present, not blank and at most {@code max} characters. */
    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank when given"));
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
    }

    private static <E extends Enum<E>> E oneOf(List<FieldError> errors, String field, Class<E> type, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
        }
        errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
    }
}

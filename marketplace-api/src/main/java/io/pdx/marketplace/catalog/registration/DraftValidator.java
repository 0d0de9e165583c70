package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.DatasetDraft;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.SharingType;
import io.pdx.contracts.catalog.UpdateFrequency;
import io.pdx.contracts.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every field of a dataset draft, checked at once: the answer lists each field that is wrong
 * (by its JSON name, {@code columns[2].tag} for a column), so a provider fixes all in one go.
 */
public final class DraftValidator {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_COLUMNS = 500;
    static final Set<String> COLUMN_TYPES = Set.of("VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "DECIMAL", "BOOLEAN",
            "DATE", "TIMESTAMP");
    private static final Pattern COLUMN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern JOIN_KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    /** 行政区划代码: six digits (GB/T 2260). */
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}");

    private DraftValidator() {
    }

    /** The errors of {@code draft} against the taxonomy {@code categories}; empty when it is valid. */
    public static List<FieldError> errors(DatasetDraft draft, Set<String> categories) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "nameZh", draft.nameZh(), MAX_NAME, true);
        text(errors, "nameEn", draft.nameEn(), MAX_NAME, true);
        text(errors, "description", draft.description(), MAX_DESCRIPTION, false);
        text(errors, "providerName", draft.providerName(), MAX_NAME, true);
        if (draft.category() == null || !categories.contains(draft.category())) {
            errors.add(new FieldError("category", "must be a taxonomy code such as 交通/公共交通"));
        }
        Grade grade = oneOf(errors, "grade", Grade.class, draft.grade());
        if (draft.generalSublevel() != null) {
            if (grade != null && grade != Grade.GENERAL) {
                errors.add(new FieldError("generalSublevel", "only GENERAL data has sub-levels"));
            } else if (draft.generalSublevel() < 1 || draft.generalSublevel() > 4) {
                errors.add(new FieldError("generalSublevel", "must be between 1 and 4"));
            }
        }
        if (draft.provider() != null && !DEPARTMENT.matcher(draft.provider()).matches()) {
            errors.add(new FieldError("provider", "must be a department id such as dept-transport"));
        }
        oneOf(errors, "updateFrequency", UpdateFrequency.class, draft.updateFrequency());
        if (draft.timeCoverageStart() != null && draft.timeCoverageEnd() != null
                && draft.timeCoverageStart().isAfter(draft.timeCoverageEnd())) {
            errors.add(new FieldError("timeCoverageEnd", "must not be before timeCoverageStart"));
        }
        if (draft.spatialCoverage() == null || !DIVISION_CODE.matcher(draft.spatialCoverage()).matches()) {
            errors.add(new FieldError("spatialCoverage", "must be a six-digit administrative division code"));
        }
        if (draft.rowCount() != null && draft.rowCount() < 0) {
            errors.add(new FieldError("rowCount", "must be 0 or more"));
        }
        columns(errors, draft.columns(), grade);
        if (draft.entityColumn() == null || draft.columns() == null
                || draft.columns().stream().noneMatch(column -> column != null && draft.entityColumn().equals(column.name()))) {
            errors.add(new FieldError("entityColumn", "names the column that identifies the person or organization of each row"));
        }
        SharingType sharing = oneOf(errors, "sharingType", SharingType.class, draft.sharingType());
        if (sharing != null && sharing != SharingType.UNCONDITIONAL
                && (draft.sharingCondition() == null || draft.sharingCondition().isBlank())) {
            errors.add(new FieldError("sharingCondition",
                    "conditional sharing states its condition; no sharing states its legal basis"));
        }
        text(errors, "sharingCondition", draft.sharingCondition(), MAX_DESCRIPTION, false);
        Openness openness = oneOf(errors, "openness", Openness.class, draft.openness());
        if (openness == Openness.OPEN && grade != null && grade != Grade.GENERAL) {
            errors.add(new FieldError("openness", "only GENERAL data may be open (开放)"));
        }
        if (grade == Grade.CORE && sharing == SharingType.UNCONDITIONAL) {
            errors.add(new FieldError("sharingType", "CORE data is never shared unconditionally"));
        }
        return errors;
    }

    private static void columns(List<FieldError> errors, List<ColumnSpec> columns, Grade grade) {
        if (columns == null || columns.isEmpty()) {
            errors.add(new FieldError("columns", "a dataset has at least one column"));
            return;
        }
        if (columns.size() > MAX_COLUMNS) {
            errors.add(new FieldError("columns", "at most " + MAX_COLUMNS + " columns"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            String at = "columns[" + i + "]";
            if (column == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (column.name() == null || !COLUMN_NAME.matcher(column.name()).matches()) {
                errors.add(new FieldError(at + ".name", "lower-case letters, digits and _, starting with a letter or _"));
            } else if (!seen.add(column.name())) {
                errors.add(new FieldError(at + ".name", "duplicate column name"));
            }
            if (column.type() == null || !COLUMN_TYPES.contains(column.type())) {
                errors.add(new FieldError(at + ".type", "one of " + COLUMN_TYPES.stream().sorted().toList()));
            }
            if (column.tag() == null) {
                errors.add(new FieldError(at + ".tag", "every column carries a tag"));
            }
            text(errors, at + ".description", column.description(), 500, false);
            bounds(errors, at, column, grade);
            if (column.joinKey() != null && !JOIN_KEY.matcher(column.joinKey()).matches()) {
                errors.add(new FieldError(at + ".joinKey", "a key domain name: lower-case letters, digits and _"));
            }
        }
    }

    /**
     * The declared range and grid a METRIC column of IMPORTANT data is clamped to under differential privacy
     * (its sensitivity comes from them, never from the data): all three or none; a power-of-ten granularity
     * between 0.000001 and 1,000,000; lower below upper, both on the grid and at most 10^15 grid units from 0.
     */
    private static void bounds(List<FieldError> errors, String at, ColumnSpec column, Grade grade) {
        boolean any = column.lower() != null || column.upper() != null || column.granularity() != null;
        if (!any) {
            if (grade == Grade.IMPORTANT && column.tag() == io.pdx.contracts.ColumnTag.METRIC) {
                errors.add(new FieldError(at + ".lower", "a METRIC column of IMPORTANT data declares lower, upper and granularity"));
            }
            return;
        }
        if (!column.bounded()) {
            errors.add(new FieldError(at + ".granularity", "lower, upper and granularity are declared together"));
            return;
        }
        java.math.BigDecimal granularity = column.granularity().stripTrailingZeros();
        boolean powerOfTen = granularity.signum() > 0 && granularity.unscaledValue().equals(java.math.BigInteger.ONE)
                && -granularity.scale() >= -6 && -granularity.scale() <= 6;
        if (!powerOfTen) {
            errors.add(new FieldError(at + ".granularity", "a power of ten between 0.000001 and 1000000, such as 0.01 or 1"));
            return;
        }
        if (column.lower().compareTo(column.upper()) >= 0) {
            errors.add(new FieldError(at + ".upper", "must be greater than lower"));
        }
        java.math.BigDecimal limit = granularity.multiply(java.math.BigDecimal.TEN.pow(15));
        for (var bound : List.of(java.util.Map.entry("lower", column.lower()), java.util.Map.entry("upper", column.upper()))) {
            if (bound.getValue().remainder(granularity).signum() != 0) {
                errors.add(new FieldError(at + "." + bound.getKey(), "must be a multiple of the granularity"));
            } else if (bound.getValue().abs().compareTo(limit) > 0) {
                errors.add(new FieldError(at + "." + bound.getKey(), "at most 10^15 granularity units from 0"));
            }
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
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

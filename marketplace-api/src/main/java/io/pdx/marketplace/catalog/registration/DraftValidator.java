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
        columns(errors, draft.columns());
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

    private static void columns(List<FieldError> errors, List<ColumnSpec> columns) {
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

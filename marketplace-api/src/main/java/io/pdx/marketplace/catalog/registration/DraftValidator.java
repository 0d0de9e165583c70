package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.DatasetDraft;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.SharingType;
import io.pdx.contracts.catalog.UpdateFrequency;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.FieldCheck;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every field of a dataset draft, checked at once against {@link DatasetDraft}'s schema (the same constants) and the
 * rules its description names: the answer lists each field that is wrong (by its JSON name, {@code columns[2].tag}
 * for a column), so a provider fixes all in one go.
 */
public final class DraftValidator {

    static final int MAX_NAME = DatasetDraft.MAX_NAME;
    static final int MAX_DESCRIPTION = DatasetDraft.MAX_DESCRIPTION;
    static final int MAX_COLUMNS = DatasetDraft.MAX_COLUMNS;
    static final Set<String> COLUMN_TYPES = ColumnSpec.TYPES;

    private DraftValidator() {
    }

    /** The errors of {@code draft} against the taxonomy {@code categories}; empty when it is valid. */
    public static List<FieldError> errors(DatasetDraft draft, Set<String> categories) {
        return check(draft, categories).errors();
    }

    /** {@code draft} checked against its schema and its rules, with the taxonomy {@code categories}. */
    public static FieldCheck check(DatasetDraft draft, Set<String> categories) {
        FieldCheck check = new FieldCheck();
        check.text("nameZh", draft.nameZh(), true, false, MAX_NAME);
        check.text("nameEn", draft.nameEn(), true, false, MAX_NAME);
        check.text("description", draft.description(), false, true, MAX_DESCRIPTION);
        check.text("providerName", draft.providerName(), true, false, MAX_NAME);
        int before = check.errors().size();
        check.text("category", draft.category(), true, false, MAX_NAME);
        if (check.errors().size() == before && !categories.contains(draft.category())) {
            check.rule("category", "must be a taxonomy code such as 交通/公共交通");
        }
        Grade grade = check.oneOf("grade", draft.grade(), Grade.class, true);
        if (draft.generalSublevel() != null) {
            if (draft.generalSublevel() < 1 || draft.generalSublevel() > 4) {
                check.schema("generalSublevel", "must be between 1 and 4");
            } else if (grade != null && grade != Grade.GENERAL) {
                check.rule("generalSublevel", "only GENERAL data has sub-levels");
            }
        }
        check.pattern("provider", draft.provider(), false, DatasetDraft.DEPARTMENT, "must be a department id such as dept-transport");
        check.oneOf("updateFrequency", draft.updateFrequency(), UpdateFrequency.class, true);
        if (draft.timeCoverageStart() != null && draft.timeCoverageEnd() != null
                && draft.timeCoverageStart().isAfter(draft.timeCoverageEnd())) {
            check.rule("timeCoverageEnd", "must not be before timeCoverageStart");
        }
        check.pattern("spatialCoverage", draft.spatialCoverage(), true, DatasetDraft.DIVISION_CODE,
                "must be a six-digit administrative division code");
        if (draft.rowCount() != null && draft.rowCount() < 0) {
            check.schema("rowCount", "must be 0 or more");
        }
        if (draft.lockVersion() != null && draft.lockVersion() < 0) {
            check.schema("lockVersion", "must be 0 or more");
        }
        columns(check, draft.columns(), grade);
        if (draft.entityColumn() == null || !io.pdx.contracts.Text.matches(ColumnSpec.NAME, draft.entityColumn())) {
            check.schema("entityColumn", "names the column that identifies the person or organization of each row");
        } else if (draft.columns() == null
                || draft.columns().stream().noneMatch(column -> column != null && draft.entityColumn().equals(column.name()))) {
            check.rule("entityColumn", "names the column that identifies the person or organization of each row");
        }
        SharingType sharing = check.oneOf("sharingType", draft.sharingType(), SharingType.class, true);
        check.text("sharingCondition", draft.sharingCondition(), false, true, MAX_DESCRIPTION);
        if (sharing != null && sharing != SharingType.UNCONDITIONAL && io.pdx.contracts.Text.isBlank(draft.sharingCondition())) {
            check.rule("sharingCondition", "conditional sharing states its condition; no sharing states its legal basis");
        }
        Openness openness = check.oneOf("openness", draft.openness(), Openness.class, true);
        if (openness == Openness.OPEN && grade != null && grade != Grade.GENERAL) {
            check.rule("openness", "only GENERAL data may be open (开放)");
        }
        if (grade == Grade.CORE && sharing == SharingType.UNCONDITIONAL) {
            check.rule("sharingType", "CORE data is never shared unconditionally");
        }
        return check;
    }

    private static void columns(FieldCheck check, List<ColumnSpec> columns, Grade grade) {
        if (columns == null || columns.isEmpty()) {
            check.schema("columns", "a dataset has at least one column");
            return;
        }
        if (columns.size() > MAX_COLUMNS) {
            check.schema("columns", "at most " + MAX_COLUMNS + " columns");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            String at = "columns[" + i + "]";
            if (column == null) {
                check.schema(at, "must not be null");
                continue;
            }
            if (column.name() == null || !io.pdx.contracts.Text.matches(ColumnSpec.NAME, column.name())) {
                check.schema(at + ".name", "lower-case letters, digits and _, starting with a letter or _");
            } else if (!seen.add(column.name())) {
                check.rule(at + ".name", "duplicate column name");
            }
            if (column.type() == null || !COLUMN_TYPES.contains(column.type())) {
                check.schema(at + ".type", "one of " + COLUMN_TYPES.stream().sorted().toList());
            }
            if (column.tag() == null) {
                check.schema(at + ".tag", "every column carries a tag");
            }
            check.text(at + ".description", column.description(), false, true, ColumnSpec.MAX_DESCRIPTION);
            bounds(check, at, column, grade);
            check.pattern(at + ".joinKey", column.joinKey(), false, ColumnSpec.JOIN_KEY,
                    "a key domain name: lower-case letters, digits and _");
        }
    }

    /**
     * The declared range and grid a METRIC column of IMPORTANT data is clamped to under differential privacy
     * (its sensitivity comes from them, never from the data): all three or none; a power-of-ten granularity
     * between 0.000001 and 1,000,000; lower below upper, both on the grid and at most 10^15 grid units from 0.
     * Rules beyond the schema, all of them (422).
     */
    private static void bounds(FieldCheck check, String at, ColumnSpec column, Grade grade) {
        boolean any = column.lower() != null || column.upper() != null || column.granularity() != null;
        if (!any) {
            if (grade == Grade.IMPORTANT && column.tag() == ColumnTag.METRIC) {
                check.rule(at + ".lower", "a METRIC column of IMPORTANT data declares lower, upper and granularity");
            }
            return;
        }
        if (!column.bounded()) {
            check.rule(at + ".granularity", "lower, upper and granularity are declared together");
            return;
        }
        BigDecimal granularity = column.granularity().stripTrailingZeros();
        boolean powerOfTen = granularity.signum() > 0 && granularity.unscaledValue().equals(BigInteger.ONE)
                && -granularity.scale() >= -6 && -granularity.scale() <= 6;
        if (!powerOfTen) {
            check.rule(at + ".granularity", "a power of ten between 0.000001 and 1000000, such as 0.01 or 1");
            return;
        }
        if (column.lower().compareTo(column.upper()) >= 0) {
            check.rule(at + ".upper", "must be greater than lower");
        }
        BigDecimal limit = granularity.multiply(BigDecimal.TEN.pow(15));
        for (var bound : List.of(Map.entry("lower", column.lower()), Map.entry("upper", column.upper()))) {
            BigDecimal value = bound.getValue();
            // the range first, and the scale before any division: a value like 1e-999999999 never reaches remainder()
            if (value.abs().compareTo(limit) > 0) {
                check.rule(at + "." + bound.getKey(), "at most 10^15 granularity units from 0");
            } else if (value.stripTrailingZeros().scale() > granularity.scale() || value.remainder(granularity).signum() != 0) {
                check.rule(at + "." + bound.getKey(), "must be a multiple of the granularity");
            }
        }
    }
}

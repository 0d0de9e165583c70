package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.DatasetDraft;
import io.pdx.contracts.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DraftValidatorTest {

    static final Set<String> CATEGORIES = Set.of("交通/公共交通", "社会/医疗保障");

    static DatasetDraft valid() {
        return new DatasetDraft("公交线路客流", "Bus route ridership", "每日线路客流", "交通/公共交通", "GENERAL", 2,
                null, "交通运输局", "DAILY", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31), "350100", 1000L,
                List.of(new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "线路"),
                        new ColumnSpec("riders", "BIGINT", ColumnTag.METRIC, "客流")),
                "CONDITIONAL", "用于交通规划", "OPEN", "route_id", null);
    }

    private static List<String> fields(DatasetDraft draft) {
        return DraftValidator.errors(draft, CATEGORIES).stream().map(FieldError::field).toList();
    }

    @Test
    void errors_forAValidDraft_isEmpty() {
        assertEquals(List.of(), fields(valid()));
    }

    @Test
    void errors_forAnEmptyDraft_namesEveryRequiredField_atOnce() {
        DatasetDraft empty = new DatasetDraft(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertTrue(fields(empty).containsAll(List.of("nameZh", "nameEn", "providerName", "category", "grade",
                "updateFrequency", "spatialCoverage", "columns", "sharingType", "openness", "entityColumn")), fields(empty).toString());
    }

    @Test
    void errors_forUnknownCategoryAndGrade_nameThem() {
        DatasetDraft draft = with(valid(), "category", "交通/火箭", "grade", "SECRET");
        assertEquals(List.of("grade", "category"), fields(draft).stream().filter(f -> !f.equals("generalSublevel")).toList());
    }

    @Test
    void errors_forTooLongName_andBadDivisionCode() {
        DatasetDraft draft = with(valid(), "nameZh", "长".repeat(201), "spatialCoverage", "3501");
        assertEquals(List.of("nameZh", "spatialCoverage"), fields(draft));
    }

    @Test
    void errors_forSublevelOnImportantData() {
        DatasetDraft draft = with(valid(), "grade", "IMPORTANT", "openness", "AUTHORIZED_OPERATION");
        assertEquals(List.of("generalSublevel", "columns[1].lower"), fields(draft),
                "and a METRIC column of IMPORTANT data declares its bounds");
    }

    @Test
    void errors_forOpenCoreData_andUnconditionalCoreSharing() {
        DatasetDraft draft = new DatasetDraft("电网", "Grid", "", "交通/公共交通", "CORE", null, null, "能源局", "REALTIME",
                null, null, "350100", 1L, valid().columns(), "UNCONDITIONAL", null, "OPEN", "route_id", null);
        assertEquals(List.of("openness", "sharingType"), fields(draft));
    }

    @Test
    void errors_forOpenImportantData_neverOpen() {
        DatasetDraft important = important(List.of(new ColumnSpec("person_id", "VARCHAR", ColumnTag.IDENTIFIER, "人")));
        assertEquals(List.of(), fields(important));
        assertEquals(List.of("openness"), fields(with(important, "openness", "OPEN")), "only GENERAL data may be open");
    }

    @Test
    void errors_forConditionalSharingWithoutCondition() {
        assertEquals(List.of("sharingCondition"), fields(with(valid(), "sharingCondition", " ")));
    }

    @Test
    void errors_forCoverageEndingBeforeItStarts() {
        DatasetDraft v = valid();
        DatasetDraft draft = new DatasetDraft(v.nameZh(), v.nameEn(), v.description(), v.category(), v.grade(),
                v.generalSublevel(), v.provider(), v.providerName(), v.updateFrequency(), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 4, 30), v.spatialCoverage(), v.rowCount(), v.columns(), v.sharingType(),
                v.sharingCondition(), v.openness(), "route_id", null);
        assertEquals(List.of("timeCoverageEnd"), fields(draft));
    }

    @Test
    void errors_forBadColumns_nameEachByIndex() {
        DatasetDraft v = valid();
        DatasetDraft draft = new DatasetDraft(v.nameZh(), v.nameEn(), v.description(), v.category(), v.grade(),
                v.generalSublevel(), v.provider(), v.providerName(), v.updateFrequency(), null, null,
                v.spatialCoverage(), -1L, Arrays.asList(
                new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, null),
                new ColumnSpec("route_id", "BLOB", null, null),
                new ColumnSpec("Bad Name", "DATE", ColumnTag.QUASI_IDENTIFIER, null)),
                v.sharingType(), v.sharingCondition(), v.openness(), "route_id", null);
        assertEquals(List.of("rowCount", "columns[1].type", "columns[1].tag", "columns[2].name", "columns[1].name"),
                fields(draft));
    }

    @Test
    void errors_forAnEntityColumnThatIsNoColumn() {
        DatasetDraft v = valid();
        assertEquals(List.of("entityColumn"), fields(new DatasetDraft(v.nameZh(), v.nameEn(), v.description(), v.category(),
                v.grade(), v.generalSublevel(), v.provider(), v.providerName(), v.updateFrequency(), null, null,
                v.spatialCoverage(), v.rowCount(), v.columns(), v.sharingType(), v.sharingCondition(), v.openness(), "card_id", null)));
    }

    @Test
    void boundsOfImportantMetrics_areRequiredAndChecked() {
        List<ColumnSpec> ok = List.of(new ColumnSpec("person_id", "VARCHAR", ColumnTag.IDENTIFIER, null),
                new ColumnSpec("amount", "DOUBLE", ColumnTag.METRIC, null).withBounds(new java.math.BigDecimal("0"),
                        new java.math.BigDecimal("5000"), new java.math.BigDecimal("0.01")));
        assertEquals(List.of(), fields(important(ok)));
        assertEquals(List.of("columns[1].granularity"), fields(important(List.of(ok.get(0),
                new ColumnSpec("amount", "DOUBLE", ColumnTag.METRIC, null).withBounds(java.math.BigDecimal.ZERO, java.math.BigDecimal.TEN,
                        new java.math.BigDecimal("0.05"))))), "a granularity is a power of ten");
        assertEquals(List.of("columns[1].upper"), fields(important(List.of(ok.get(0),
                new ColumnSpec("amount", "DOUBLE", ColumnTag.METRIC, null).withBounds(java.math.BigDecimal.TEN, java.math.BigDecimal.ONE,
                        java.math.BigDecimal.ONE)))));
        assertEquals(List.of("columns[1].lower"), fields(important(List.of(ok.get(0),
                new ColumnSpec("amount", "DOUBLE", ColumnTag.METRIC, null).withBounds(new java.math.BigDecimal("0.005"),
                        java.math.BigDecimal.TEN, new java.math.BigDecimal("0.01"))))), "bounds lie on the grid");
        assertEquals(List.of("columns[1].granularity"), fields(important(List.of(ok.get(0),
                new ColumnSpec("amount", "DOUBLE", ColumnTag.METRIC, null, java.math.BigDecimal.ZERO, null, null, null)))));
    }

    private static DatasetDraft important(List<ColumnSpec> columns) {
        DatasetDraft v = valid();
        return new DatasetDraft(v.nameZh(), v.nameEn(), v.description(), "社会/医疗保障", "IMPORTANT", null, v.provider(),
                v.providerName(), v.updateFrequency(), null, null, v.spatialCoverage(), v.rowCount(), columns, v.sharingType(),
                v.sharingCondition(), "AUTHORIZED_OPERATION", "person_id", null);
    }

    /** A copy of {@code draft} with the named string fields replaced. */
    private static DatasetDraft with(DatasetDraft d, String... pairs) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return new DatasetDraft(m.getOrDefault("nameZh", d.nameZh()), d.nameEn(), d.description(),
                m.getOrDefault("category", d.category()), m.getOrDefault("grade", d.grade()), d.generalSublevel(),
                d.provider(), d.providerName(), d.updateFrequency(), d.timeCoverageStart(), d.timeCoverageEnd(),
                m.getOrDefault("spatialCoverage", d.spatialCoverage()), d.rowCount(), d.columns(), d.sharingType(),
                m.getOrDefault("sharingCondition", d.sharingCondition()), m.getOrDefault("openness", d.openness()),
                d.entityColumn(), null);
    }
}

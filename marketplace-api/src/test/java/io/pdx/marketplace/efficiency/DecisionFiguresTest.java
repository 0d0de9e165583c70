package io.pdx.marketplace.efficiency;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 按时办结 against the real Keycloak, PostgreSQL and OPA: a department of the test's own gets decisions of every kind
 * with timestamps around 中秋 and 国庆 2026 (holidays 25–27 September and 1–7 October, make-up working days Sunday 20
 * September and Saturday 10 October in the policy's calendar), and the figures per kind, month and department are
 * exactly those of the rows it made — several of them met or late only because of the holidays and make-up days. The
 * CSV and the XLSX hold the same numbers; a bad range is a problem naming its parameter; only the bureau reads them.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class DecisionFiguresTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String ORG = "91350100M000100Y43";
    static final String PATH = "/api/v1/efficiency/decisions";

    @Inject
    Pool pool;

    String department;

    @BeforeEach
    void aDepartmentOfItsOwn() {
        department = "dept-eff-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static OffsetDateTime at(String shanghaiLocal) {
        return OffsetDateTime.parse(shanghaiLocal + "+08:00");
    }

    void exec(String sql, Object... parameters) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters))));
        } catch (Throwable failure) {
            throw new IllegalStateException("fixture: " + sql, failure);
        }
    }

    UUID license(Dataset dataset, UUID product, String state, String outcome, OffsetDateTime created, OffsetDateTime decided) {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO license (id, organization, product_id, dataset_id, applicant, purpose_category, purpose_text, columns, mode,"
                        + " term_start, term_end, state, decision_outcome, decided_at, contract_sha256, created_at, updated_at)"
                        + " VALUES ($1, $2, $3, $4, 'operator-a', 'PUBLIC_GOVERNANCE', '效能测试 / efficiency test', '{\"columns\": [\"amount\"]}'::jsonb,"
                        + " 'SANDBOX', DATE '2026-09-01', DATE '2027-08-31', $5, $6, $7, $8, $9, $9)",
                id, ORG, product, dataset.id, state, outcome, decided, "APPROVED".equals(state) ? "a".repeat(64) : null, created);
        return id;
    }

    void job(Dataset dataset, UUID license, String state, String reviewer, OffsetDateTime finished, OffsetDateTime decided) {
        exec("INSERT INTO sandbox_job (id, license_id, dataset_id, organization, submitted_by, submitted_sql, sql_text, sql_sha256,"
                        + " grade, state, controls, summary, reviewed_by, created_at, started_at, finished_at, release_decided_at, updated_at,"
                        + " metered_call, metered_rows)"
                        + " VALUES ($1, $2, $3, $4, 'developer-a', 'SELECT 1', 'SELECT 1', $5, 'GENERAL', $6, '{}'::jsonb, '{}'::jsonb, $7,"
                        + " $8, $8, $8, $9, $8, true, true)",
                UUID.randomUUID(), license, dataset.id, ORG, "0".repeat(64), state, reviewer, finished, decided);
    }

    void caseOf(Dataset dataset, OffsetDateTime opened, LocalDate due, OffsetDateTime overdueAfter, OffsetDateTime answered) {
        exec("INSERT INTO satisfaction_case (id, origin, event_kind, event_id, text, opened_by, department, answer_due, overdue_after,"
                        + " status, answer, answered_by, answered_at, created_at, updated_at)"
                        + " VALUES ($1, 'COMPLAINT', 'REGISTRATION', $2, '效能测试', 'provider-transport', $3, $4, $5, $6, $7, $8, $9, $10, $10)",
                UUID.randomUUID(), dataset.id, department, due, overdueAfter, answered == null ? "OPEN" : "ANSWERED",
                answered == null ? null : "已答复 / answered", answered == null ? null : "reviewer-1", answered, opened);
    }

    void objection(Dataset dataset, String status, OffsetDateTime lodged, OffsetDateTime answered) {
        exec("INSERT INTO registration_objection (id, dataset_id, status, reasons, lodged_by, answer, answered_by, answered_at,"
                        + " created_at, updated_at) VALUES ($1, $2, $3, '效能测试', $4, $5, $6, $7, $8, $8)",
                UUID.randomUUID(), dataset.id, status, "operator-" + UUID.randomUUID(), answered == null ? null : "已答复",
                answered == null ? null : "reviewer-1", answered, lodged);
    }

    Dataset registration(RegistrationStatus status, OffsetDateTime submitted, OffsetDateTime reviewDecided, OffsetDateTime registered) {
        return TestDatasets.persist("效能登记", Grade.GENERAL, department, status, dataset -> {
            dataset.submittedAt = submitted;
            dataset.reviewStartedAt = submitted;
            dataset.reviewDecidedAt = reviewDecided;
            dataset.registeredAt = registered;
        });
    }

    /** Every kind's matters of the department, September and October 2026, and one license application open now. */
    OffsetDateTime decisions() {
        Dataset base = TestDatasets.persist("效能基础", Grade.GENERAL, department);
        UUID product = UUID.randomUUID();
        exec("INSERT INTO product (id, dataset_id, name_zh, name_en, modes, price_kind, unit_price_fen, cap_fen, description, created_by)"
                + " VALUES ($1, $2, $3, 'efficiency test', '{\"modes\": [\"SANDBOX\"]}'::jsonb, 'FREE', 0, 0, '{}'::jsonb, 'test')",
                product, base.id, "效能产品-" + product);

        // LICENSE, 120 hours: 秒批 and a policy's denial in September; 95 h (met) and 144 h (late) decided in October; one open since 20 October
        UUID approved = license(base, product, "APPROVED", "AUTO_APPROVE", at("2026-09-24T10:00:00"), at("2026-09-24T10:00:01"));
        license(base, product, "DENIED", "DENY", at("2026-09-24T11:00:00"), at("2026-09-24T11:00:00.500"));
        license(base, product, "REJECTED", "REVIEW", at("2026-09-28T09:00:00"), at("2026-10-02T08:00:00"));
        license(base, product, "REJECTED", "REVIEW", at("2026-09-29T09:00:00"), at("2026-10-05T09:00:00"));
        license(base, product, "IN_REVIEW", "REVIEW", at("2026-10-20T09:00:00"), null);
        OffsetDateTime openNow = OffsetDateTime.now().minusHours(1);
        license(base, product, "IN_REVIEW", "REVIEW", openNow, null);

        // REGISTRATION_REVIEW, 10 working days from Thursday 24 September: due Thursday 15 October (the holidays skipped,
        // Saturday 10 October worked); REGISTRATION, 20 working days: due Thursday 29 October
        registration(RegistrationStatus.REGISTERED, at("2026-09-24T10:00:00"), at("2026-10-15T17:00:00"), at("2026-10-28T10:00:00"));
        registration(RegistrationStatus.RETURNED, at("2026-09-24T10:00:00"), at("2026-10-16T09:00:00"), null); // late
        registration(RegistrationStatus.SUBMITTED, at("2026-10-26T10:00:00"), null, null); // open, overdue now

        // RESULT_RELEASE, 2 working days from Wednesday 30 September: due Friday 9 October
        job(base, approved, "RELEASED", "reviewer-1", at("2026-09-30T15:00:00"), at("2026-10-09T16:00:00")); // met
        job(base, approved, "RELEASED", null, at("2026-09-30T15:00:00"), at("2026-09-30T15:00:01")); // released at once
        job(base, approved, "REJECTED", "reviewer-1", at("2026-10-12T10:00:00"), at("2026-10-15T10:00:00")); // due 14 October: late
        job(base, approved, "AWAITING_RELEASE", null, at("2026-10-27T10:00:00"), null); // open, overdue now

        // SATISFACTION_CASE: each case keeps the moment it is overdue (15 working days, computed when it was opened)
        caseOf(base, at("2026-09-28T10:00:00"), LocalDate.parse("2026-10-23"), at("2026-10-24T00:00:00"), at("2026-10-20T10:00:00"));
        caseOf(base, at("2026-09-07T10:00:00"), LocalDate.parse("2026-09-28"), at("2026-09-29T00:00:00"), at("2026-10-09T10:00:00"));
        caseOf(base, at("2026-10-30T10:00:00"), LocalDate.parse("2026-11-20"), at("2026-11-21T00:00:00"), null);

        // OBJECTION, 5 working days from Tuesday 29 September: due Monday 12 October because Saturday 10 October is worked
        objection(base, "DISMISSED", at("2026-09-29T10:00:00"), at("2026-10-13T10:00:00")); // late
        objection(base, "UPHELD", at("2026-10-19T10:00:00"), at("2026-10-21T10:00:00")); // met
        objection(base, "OPEN", at("2026-10-28T10:00:00"), null); // open, overdue now
        return openNow;
    }

    /** decided, decidedAutomatically, metDeadline, late, openNow, overdueNow. */
    static final Map<String, List<Long>> EXPECTED = Map.of(
            "LICENSE 2026-09", List.of(2L, 2L, 2L, 0L, 0L, 0L),
            "LICENSE 2026-10", List.of(2L, 0L, 1L, 1L, 1L, 1L),
            "REGISTRATION_REVIEW 2026-10", List.of(2L, 0L, 1L, 1L, 1L, 1L),
            "REGISTRATION 2026-10", List.of(1L, 0L, 1L, 0L, 1L, 1L),
            "RESULT_RELEASE 2026-09", List.of(1L, 1L, 1L, 0L, 0L, 0L),
            "RESULT_RELEASE 2026-10", List.of(2L, 0L, 1L, 1L, 1L, 1L),
            "SATISFACTION_CASE 2026-10", List.of(2L, 0L, 1L, 1L, 1L, 1L),
            "OBJECTION 2026-10", List.of(2L, 0L, 1L, 1L, 1L, 1L));

    static final List<String> FIGURES = List.of("decided", "decidedAutomatically", "metDeadline", "late", "openNow", "overdueNow");

    static Map<String, Map<String, Object>> rows(JsonPath json, String department, boolean total) {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        List<Map<String, Object>> rows = json.getList("rows");
        for (Map<String, Object> row : rows) {
            boolean isTotal = row.get("department") == null;
            if (total ? isTotal : department.equals(row.get("department"))) {
                byKey.put(row.get("kind") + " " + row.get("month"), row);
            }
        }
        return byKey;
    }

    static List<Long> figures(Map<String, Object> row) {
        return FIGURES.stream().map(name -> ((Number) row.get(name)).longValue()).toList();
    }

    static ExtractableResponse<Response> get(String user, String path) {
        return given().auth().oauth2(KeycloakTokens.of(user)).get(path).then().extract();
    }

    @Test
    void everyKind_perMonthAndDepartment_isExactlyTheRowsMade_acrossTheHolidays() {
        OffsetDateTime openNow = decisions();

        JsonPath mine = given().auth().oauth2(KeycloakTokens.of("reviewer-2"))
                .get(PATH + "?from=2026-09&to=2026-10&department=" + department)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertEquals("2026-09", mine.getString("from"));
        assertEquals("2026-10", mine.getString("to"));
        Map<String, Map<String, Object>> rows = rows(mine, department, false);
        Map<String, Map<String, Object>> totals = rows(mine, department, true);
        assertEquals(EXPECTED.keySet(), rows.keySet());
        assertEquals(EXPECTED.keySet(), totals.keySet(), "one department asked for: its totals are its rows");
        EXPECTED.forEach((key, expected) -> {
            assertEquals(expected, figures(rows.get(key)), key);
            assertEquals(expected, figures(totals.get(key)), key + " (total)");
        });
        assertEquals(0.75, ((Number) rows.get("LICENSE 2026-09").get("medianSecondsToDecide")).doubleValue(), 1e-6);
        assertEquals(119.5 * 3600, ((Number) rows.get("LICENSE 2026-10").get("medianSecondsToDecide")).doubleValue(), 1e-6);
        assertNull(mine.getString("rows.find { it.kind == 'OBJECTION' && it.month == '2026-09' }"), "no objection was decided in September");

        // the deadlines come from the policy data, the license SLA and the case days where they are kept
        assertEquals(List.of("LICENSE", "REGISTRATION_REVIEW", "REGISTRATION", "RESULT_RELEASE", "SATISFACTION_CASE", "OBJECTION"),
                mine.getList("deadlines.kind"));
        assertEquals("pdx.config.license.review_sla_hours", mine.getString("deadlines.find { it.kind == 'LICENSE' }.source"));
        assertEquals("HOURS", mine.getString("deadlines.find { it.kind == 'LICENSE' }.unit"));
        assertEquals(120, mine.getInt("deadlines.find { it.kind == 'LICENSE' }.amount"));
        assertEquals(15, mine.getInt("deadlines.find { it.kind == 'SATISFACTION_CASE' }.amount"));
        assertEquals("授权申请审核", mine.getString("deadlines.find { it.kind == 'LICENSE' }.labelZh"));

        // every department: the department's rows are the same; the totals hold at least them
        JsonPath all = get("bureau-admin", PATH + "?from=2026-09&to=2026-10").jsonPath();
        Map<String, Map<String, Object>> inAll = rows(all, department, false);
        Map<String, Map<String, Object>> allTotals = rows(all, department, true);
        EXPECTED.forEach((key, expected) -> {
            assertEquals(expected, figures(inAll.get(key)), key + " among all departments");
            List<Long> total = figures(allTotals.get(key));
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(total.get(i) >= expected.get(i), key + " total " + FIGURES.get(i));
            }
        });

        // this month: an application an hour old is open, not overdue (120 hours)
        String month = YearMonth.from(openNow.atZoneSameInstant(SHANGHAI)).toString();
        JsonPath current = get("reviewer-1", PATH + "?from=" + month + "&to=" + month + "&department=" + department).jsonPath();
        Map<String, Object> license = rows(current, department, false).get("LICENSE " + month);
        assertNotNull(license);
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 0L), figures(license));
        assertNull(license.get("medianSecondsToDecide"));
    }

    @Test
    void theCsv_parsesBackToTheJsonFigures() {
        decisions();
        JsonPath json = get("reviewer-2", PATH + "?from=2026-09&to=2026-10&department=" + department).jsonPath();
        ExtractableResponse<Response> csv = given().auth().oauth2(KeycloakTokens.of("reviewer-2"))
                .get(PATH + "/export?format=csv&from=2026-09&to=2026-10&department=" + department)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"pdx-decisions-2026-09_2026-10.csv\"").extract();
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark, so that Excel reads UTF-8");
        List<List<String>> lines = parseCsv(text.substring(1));
        assertEquals(DecisionTable.COLUMNS.stream().map(DecisionTable.Column::header).toList(), lines.get(0));
        assertEquals("办结 / Decided", lines.get(0).get(6));
        List<Map<String, Object>> rows = json.getList("rows");
        assertEquals(rows.size(), lines.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            List<String> line = lines.get(i + 1);
            assertEquals(row.get("kind"), line.get(0));
            assertEquals(row.get("month"), line.get(2));
            assertEquals(row.get("department") == null ? "全部 / all" : row.get("department"), line.get(3));
            assertEquals(figures(row), List.of(line.get(6), line.get(7), line.get(9), line.get(10), line.get(11), line.get(12))
                    .stream().map(Long::parseLong).toList(), "line " + i);
            Object median = row.get("medianSecondsToDecide");
            if (median == null) {
                assertEquals("", line.get(8));
            } else {
                assertEquals(((Number) median).doubleValue(), Double.parseDouble(line.get(8)), 1e-6);
            }
        }
        // a label holding a comma is quoted, and read back whole
        assertTrue(lines.stream().anyMatch(line -> line.get(1).equals("登记办结（提交至登记） / Registration, submission to registered")));
    }

    @Test
    void theXlsx_opensWithTheSameNumbers() throws Exception {
        decisions();
        JsonPath json = get("reviewer-2", PATH + "?from=2026-09&to=2026-10&department=" + department).jsonPath();
        byte[] xlsx = given().auth().oauth2(KeycloakTokens.of("reviewer-2"))
                .get(PATH + "/export?format=xlsx&from=2026-09&to=2026-10&department=" + department)
                .then().statusCode(200).contentType(DecisionsXlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"pdx-decisions-2026-09_2026-10.xlsx\"")
                .extract().asByteArray();
        List<Map<String, Object>> rows = json.getList("rows");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.findSheet(DecisionsXlsx.FIGURES_SHEET).orElseThrow();
            List<org.dhatim.fastexcel.reader.Row> lines = sheet.read();
            assertEquals(rows.size() + 1, lines.size());
            for (int c = 0; c < DecisionTable.COLUMNS.size(); c++) {
                assertEquals(DecisionTable.COLUMNS.get(c).header(), lines.get(0).getCellText(c));
            }
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                org.dhatim.fastexcel.reader.Row line = lines.get(i + 1);
                assertEquals(row.get("kind"), line.getCellText(0));
                assertEquals(row.get("month"), line.getCellText(2));
                List<Long> numbers = new ArrayList<>();
                for (int c : new int[] {6, 7, 9, 10, 11, 12}) {
                    numbers.add(line.getCellAsNumber(c).map(BigDecimal::longValueExact).orElseThrow());
                }
                assertEquals(figures(row), numbers, "line " + i);
            }
            Sheet deadlines = workbook.findSheet(DecisionsXlsx.DEADLINES_SHEET).orElseThrow();
            List<org.dhatim.fastexcel.reader.Row> kinds = deadlines.read();
            assertEquals(7, kinds.size());
            assertEquals("pdx.config.license.review_sla_hours", kinds.get(1).getCellText(3));
        }
    }

    @Test
    void onlyTheBureau_readsThem() {
        given().get(PATH).then().statusCode(401);
        given().get(PATH + "/export?format=csv").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get(PATH + "/export?format=xlsx").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get(PATH + "?from=2026-13").then().statusCode(403);
    }

    @Test
    void aBadRange_isAProblemNamingItsParameter() {
        problem(PATH + "?from=2026-13", 400).body("errors.field", hasItem("from"));
        problem(PATH + "?to=26-01", 400).body("errors.field", hasItem("to"));
        problem(PATH + "?from=2026-10&to=2026-09", 422).body("errors.field", hasItem("to"));
        problem(PATH + "?from=2024-01&to=2026-01", 422).body("errors.field", hasItem("from"))
                .body("errors.message", hasItem(containsString("24 months")));
        problem(PATH + "/export?format=pdf", 400).body("errors.field", hasItem("format"));
        problem(PATH + "/export?format=csv&from=2024-01&to=2026-12", 422).body("errors.field", hasItem("to"));
        problem(PATH + "?department=" + "d".repeat(65), 400).body("errors.field", hasItem("department"));
        // twenty-four months is the most
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get(PATH + "?from=2025-01&to=2026-12").then().statusCode(200);
    }

    static io.restassured.response.ValidatableResponse problem(String path, int status) {
        return given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get(path).then().statusCode(status)
                .contentType("application/problem+json").body("type", containsString("invalid-request"));
    }

    /** RFC 4180 as the export writes it: CRLF lines, fields quoted where needed, quotes doubled. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(line.isEmpty() && field.isEmpty(), "the last line ends with CRLF");
        return lines;
    }
}

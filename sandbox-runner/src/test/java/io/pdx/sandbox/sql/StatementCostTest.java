package io.pdx.sandbox.sql;

import io.pdx.contracts.policy.ControlsResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.pdx.sandbox.sql.GuardFixture.GENERAL;
import static io.pdx.sandbox.sql.GuardFixture.IMPORTANT;
import static io.pdx.sandbox.sql.GuardFixture.TABLES;
import static io.pdx.sandbox.sql.GuardFixture.UNTAGGED_OUTPUT_USES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard's cost model (policy data {@code pdx.config.sandbox.cost}): no allowed construct has a per-row cost a value
 * can blow up, and every accepted statement has a count of units of work per row from which, with the tables' sizes,
 * its slot is fixed. One test per construct it bounds.
 */
class StatementCostTest {

    private final StatementGuard guard = new StatementGuard();
    private static final String CLAIMS_BY_GENDER = "SELECT gender, count(*) AS n FROM medical_insurance_claims WHERE %s GROUP BY gender";

    private GuardedStatement check(ControlsResult controls, String sql) throws StatementRefused {
        return guard.check(sql, TABLES, controls, UNTAGGED_OUTPUT_USES);
    }

    private void assertRefused(String sql, String code) {
        for (ControlsResult controls : new ControlsResult[] {GENERAL, IMPORTANT}) {
            StatementRefused refused = assertThrows(StatementRefused.class, () -> check(controls, sql), sql);
            assertEquals(code, refused.code(), refused.getMessage());
            assertFalse(refused.messageZh().isBlank());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "diagnosis_code LIKE '%a_%b'",           // _ between two %: the matcher backtracks (0.5 s on one 3,000-character value)
            "diagnosis_code LIKE '%_%_%'",
            "diagnosis_code ILIKE '%a_%a_%a_%b'",    // the pattern of the timing attack
            "diagnosis_code LIKE '%a%b%c%d%e%'",     // more % than the policy's 4
            "diagnosis_code NOT LIKE '%a_%b'",
            "diagnosis_code LIKE diagnosis_code",   // a pattern from the data
            "diagnosis_code LIKE concat('%', gender, '%')",
            "CASE WHEN age = 37 THEN diagnosis_code LIKE '%J_%0_%' ELSE false END"})
    void aPatternWhoseMatchingCanBacktrack_orComesFromTheData_isRefused(String where) {
        assertRefused(CLAIMS_BY_GENDER.formatted(where), "like_pattern_not_allowed");
    }

    @Test
    void aPatternLongerThanThePolicyAllows_isRefused() {
        assertRefused(CLAIMS_BY_GENDER.formatted("diagnosis_code LIKE '" + "J".repeat(65) + "%'"), "like_pattern_not_allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"diagnosis_code LIKE 'J%'", "diagnosis_code LIKE '%J%'", "diagnosis_code LIKE 'J_0%'",
            "diagnosis_code LIKE '%a%b%c%d'", "diagnosis_code ILIKE '_1%'"})
    void aPatternThatMatchesInLinearTime_isAccepted(String where) throws StatementRefused {
        assertTrue(check(IMPORTANT, CLAIMS_BY_GENDER.formatted(where)).costUnits() > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT strftime(settle_date, diagnosis_code) AS d, count(*) AS n FROM medical_insurance_claims GROUP BY 1",
            "SELECT date_trunc(gender, settle_date) AS d, count(*) AS n FROM medical_insurance_claims GROUP BY 1",
            "SELECT date_part(gender, settle_date) AS d, count(*) AS n FROM medical_insurance_claims GROUP BY 1"})
    void aFormatOrUnitFromTheData_isRefused(String sql) {
        assertRefused(sql, "format_not_literal");
    }

    @Test
    void aFormatThatIsALiteral_isAccepted() throws StatementRefused {
        check(IMPORTANT, "SELECT date_trunc('month', settle_date) AS m, count(*) AS n FROM medical_insurance_claims GROUP BY date_trunc('month', settle_date)");
    }

    @Test
    void unitsGrowWithTheStatement_andAPatternCountsItsCharacters() throws StatementRefused {
        long plain = check(IMPORTANT, CLAIMS_BY_GENDER.formatted("age > 30")).costUnits();
        long more = check(IMPORTANT, CLAIMS_BY_GENDER.formatted("age > 30 AND age < 60 AND district_code = '350102'")).costUnits();
        long pattern = check(IMPORTANT, CLAIMS_BY_GENDER.formatted("age > 30 AND diagnosis_code LIKE 'J0123456789%'")).costUnits();
        assertTrue(more > plain, plain + " < " + more);
        assertTrue(pattern >= plain + "J0123456789%".length(), plain + " + 12 <= " + pattern);
    }

    @Test
    void aStatementOverThePolicysUnitsPerRow_isRefused() {
        int max = GENERAL.cost().max_row_units();
        StringBuilder where = new StringBuilder("age NOT IN (0");
        for (int i = 1; i <= max; i++) {
            where.append(", ").append(i);
        }
        where.append(")");
        assertRefused(CLAIMS_BY_GENDER.formatted(where), "statement_too_costly");
    }

    @Test
    void withoutACostModel_nothingRuns() {
        ControlsResult none = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                new com.fasterxml.jackson.databind.ObjectMapper().convertValue(GENERAL, java.util.Map.class), ControlsResult.class);
        java.util.Map<String, Object> fields = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(GENERAL, java.util.Map.class);
        fields.remove("cost");
        ControlsResult costless = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(fields, ControlsResult.class);
        assertTrue(none.cost() != null && costless.cost() == null);
        StatementRefused refused = assertThrows(StatementRefused.class,
                () -> guard.check("SELECT count(*) AS n FROM bus_card_swipes", TABLES, costless, UNTAGGED_OUTPUT_USES));
        assertEquals("statement_too_costly", refused.code());
    }

    @Test
    void aSlotDependsOnTheRowsAndTheUnits_roundedUpToTheGrid() {
        ControlsResult.Timing timing = IMPORTANT.timing();
        long small = timing.slotMillis(50_000, 20);
        assertEquals(0, small % timing.grid_ms());
        assertTrue(small >= timing.base_ms());
        assertEquals(small, timing.slotMillis(50_000, 20), "the same statement on tables of the same size: the same slot");
        assertTrue(timing.slotMillis(10_000_000, 20) > small);
        assertTrue(timing.slotMillis(50_000, 2_000) >= small);
        assertTrue(GENERAL.timing().slotMillis(10_000_000, 20) < timing.slotMillis(10_000_000, 20),
                "noise costs a window per entity: IMPORTANT slots are longer");
    }
}

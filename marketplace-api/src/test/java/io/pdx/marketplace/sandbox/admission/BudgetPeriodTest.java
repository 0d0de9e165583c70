package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.ControlsResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The year a privacy budget runs over is the calendar year in the bureau's time zone: New Year in Shanghai is 16:00
 * UTC on 31 December, and a job admitted at the last instant before it is charged to the old year, one admitted at
 * it to the new one (each job counts in the period of the instant its admission read the budget at).
 */
class BudgetPeriodTest {

    static final ControlsResult.Budget YEAR = new ControlsResult.Budget(10.0, 1e-5, "YEAR", "Asia/Shanghai");

    @Test
    void theLastInstantOfTheYearInShanghai_belongsToThatYear() {
        BudgetPeriod period = BudgetPeriod.containing(Instant.parse("2026-12-31T15:59:59.999999999Z"), YEAR);
        assertEquals(OffsetDateTime.parse("2026-01-01T00:00+08:00"), period.start());
        assertEquals(OffsetDateTime.parse("2027-01-01T00:00+08:00"), period.end());
    }

    @Test
    void newYearInShanghai_isTheNextYearAlthoughItIsStill31DecemberInUtc() {
        BudgetPeriod period = BudgetPeriod.containing(Instant.parse("2026-12-31T16:00:00Z"), YEAR);
        assertEquals(OffsetDateTime.parse("2027-01-01T00:00+08:00"), period.start());
        assertEquals(OffsetDateTime.parse("2028-01-01T00:00+08:00"), period.end());
    }

    @Test
    void periodsAreHalfOpen_andAdjacent() {
        BudgetPeriod last = BudgetPeriod.containing(Instant.parse("2026-06-01T00:00:00Z"), YEAR);
        BudgetPeriod next = BudgetPeriod.containing(last.end().toInstant(), YEAR);
        assertEquals(last.end(), next.start());
    }
}

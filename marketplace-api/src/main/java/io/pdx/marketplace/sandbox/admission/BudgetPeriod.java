package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.ControlsResult;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The period a privacy budget runs over: the calendar year (or month) in the bureau's time zone that
 * contains a moment, both from policy data ({@code budget.period}, {@code budget.time_zone}).
 *
 * @param start inclusive
 * @param end   exclusive
 */
record BudgetPeriod(OffsetDateTime start, OffsetDateTime end) {

    static BudgetPeriod containing(Instant now, ControlsResult.Budget budget) {
        ZoneId zone = ZoneId.of(budget.time_zone() == null ? "Asia/Shanghai" : budget.time_zone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = "MONTH".equals(budget.period()) ? today.withDayOfMonth(1) : today.withDayOfYear(1);
        LocalDate next = "MONTH".equals(budget.period()) ? first.plusMonths(1) : first.plusYears(1);
        return new BudgetPeriod(first.atStartOfDay(zone).toOffsetDateTime(), next.atStartOfDay(zone).toOffsetDateTime());
    }
}

package io.pdx.marketplace.ledger;

import io.pdx.contracts.product.PricePeriod;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods a PER_PERIOD price is billed for (发改价格〔2025〕65号: a price per month, quarter or year), in the bureau's
 * calendar: each period is billed in advance, once it has begun, from the period in which the license came into force to
 * the one in which its term ends. A period begun is billed in full (no proration). Labels: {@code 2026-12},
 * {@code 2026-Q4}, {@code 2026}.
 */
public final class BillingPeriods {

    /** One period: its label (unique per license) and its first day. */
    public record Period(String label, LocalDate start) {
    }

    private BillingPeriods() {
    }

    /** The periods begun by {@code today} from the one holding {@code from} to the one holding {@code to}, in order. */
    public static List<Period> due(PricePeriod kind, LocalDate from, LocalDate to, LocalDate today) {
        List<Period> periods = new ArrayList<>();
        LocalDate last = to.isBefore(today) ? to : today;
        for (LocalDate start = startOf(kind, from); !start.isAfter(last); start = next(kind, start)) {
            periods.add(new Period(label(kind, start), start));
        }
        return periods;
    }

    static LocalDate startOf(PricePeriod kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    private static LocalDate next(PricePeriod kind, LocalDate start) {
        return switch (kind) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    static String label(PricePeriod kind, LocalDate start) {
        return switch (kind) {
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> Integer.toString(start.getYear());
        };
    }
}

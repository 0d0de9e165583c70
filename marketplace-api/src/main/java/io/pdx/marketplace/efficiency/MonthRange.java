package io.pdx.marketplace.efficiency;

import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.problem.ProblemException;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The calendar months (Asia/Shanghai) a caller asks decision figures for: {@code from} and {@code to} as {@code YYYY-MM},
 * both included; by default the twelve months up to the current one. A month that is not {@code YYYY-MM} breaks the
 * schema (400); {@code to} before {@code from}, or more than {@link #MAX_MONTHS} months, breaks a rule (422): each error
 * names its parameter.
 */
record MonthRange(YearMonth from, YearMonth to) {

    static final ZoneId BUREAU = io.pdx.marketplace.time.BureauTime.ZONE;
    static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    static final int MAX_MONTHS = 24;
    static final int DEFAULT_MONTHS = 12;

    static MonthRange of(String from, String to, YearMonth current) {
        FieldCheck check = new FieldCheck()
                .pattern("from", from, false, MONTH, "a month, YYYY-MM")
                .pattern("to", to, false, MONTH, "a month, YYYY-MM");
        if (!check.schemaValid()) {
            throw new InvalidMonthRange(check);
        }
        YearMonth last = to != null ? YearMonth.parse(to) : current;
        YearMonth first = from != null ? YearMonth.parse(from) : last.minusMonths(DEFAULT_MONTHS - 1);
        if (last.isBefore(first)) {
            check.rule("to", "must not be before from");
        } else if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            check.rule("from", "at most " + MAX_MONTHS + " months from from to to");
            check.rule("to", "at most " + MAX_MONTHS + " months from from to to");
        }
        if (!check.valid()) {
            throw new InvalidMonthRange(check);
        }
        return new MonthRange(first, last);
    }

    /** The first moment of {@code from} in the bureau's time zone. */
    Instant start() {
        return from.atDay(1).atStartOfDay(BUREAU).toInstant();
    }

    /** The first moment after {@code to}. */
    Instant end() {
        return to.plusMonths(1).atDay(1).atStartOfDay(BUREAU).toInstant();
    }

    /** 400 when a month is not {@code YYYY-MM}, else 422. */
    static final class InvalidMonthRange extends ProblemException {
        InvalidMonthRange(FieldCheck check) {
            super(check.status(), "invalid-request", "Invalid request / 请求无效",
                    "The months asked for are invalid / 统计月份无效: " + check.errors().size() + " error(s).", check.errors());
        }
    }
}

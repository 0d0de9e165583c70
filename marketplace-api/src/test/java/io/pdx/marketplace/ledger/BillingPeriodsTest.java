package io.pdx.marketplace.ledger;

import io.pdx.contracts.product.PricePeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BillingPeriodsTest {

    private static List<String> labels(PricePeriod kind, String from, String to, String today) {
        return BillingPeriods.due(kind, LocalDate.parse(from), LocalDate.parse(to), LocalDate.parse(today)).stream()
                .map(BillingPeriods.Period::label).toList();
    }

    @Test
    void months_fromTheOneInForce_toTodayOrTheTermsEnd_eachBegunOneInFull() {
        assertEquals(List.of("2026-10", "2026-11", "2026-12"), labels(PricePeriod.MONTH, "2026-10-15", "2027-10-14", "2026-12-08"));
        assertEquals(List.of("2026-10", "2026-11"), labels(PricePeriod.MONTH, "2026-10-15", "2026-11-30", "2026-12-08"));
        assertEquals(List.of("2026-12"), labels(PricePeriod.MONTH, "2026-12-08", "2027-01-31", "2026-12-08"));
        assertEquals(List.of(), labels(PricePeriod.MONTH, "2027-01-01", "2027-12-31", "2026-12-08"), "nothing before the term");
    }

    @Test
    void quartersAndYears_areLabelledAndStartOnTheirFirstDay() {
        assertEquals(List.of("2026-Q3", "2026-Q4"), labels(PricePeriod.QUARTER, "2026-08-31", "2027-06-30", "2026-12-08"));
        assertEquals(LocalDate.parse("2026-07-01"),
                BillingPeriods.due(PricePeriod.QUARTER, LocalDate.parse("2026-08-31"), LocalDate.parse("2027-06-30"),
                        LocalDate.parse("2026-12-08")).get(0).start());
        assertEquals(List.of("2026"), labels(PricePeriod.YEAR, "2026-03-01", "2028-02-28", "2026-12-31"));
        assertEquals(List.of("2026", "2027"), labels(PricePeriod.YEAR, "2026-03-01", "2028-02-28", "2027-01-01"));
    }
}

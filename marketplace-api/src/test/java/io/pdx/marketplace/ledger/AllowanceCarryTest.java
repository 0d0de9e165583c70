package io.pdx.marketplace.ledger;

import io.pdx.contracts.ledger.AllowanceView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 最高准许收入 carried year to year, worked out with numbers: revenue above the allowance is deducted next year. */
class AllowanceCarryTest {

    private static RevenueAllowance allowance(int year, long cost, long profit, long tax) {
        RevenueAllowance allowance = new RevenueAllowance();
        allowance.organization = "91350100M000100Y43";
        allowance.year = year;
        allowance.costFen = cost;
        allowance.profitFen = profit;
        allowance.taxFen = tax;
        allowance.basis = "成本监审 / cost survey";
        return allowance;
    }

    @Test
    void anExcess_isDeductedFromTheNextYearOnly() {
        // 2026: ¥800 cost + ¥100 profit + ¥100 tax = ¥1,000; revenue ¥1,234.50 → ¥234.50 above
        // 2027: ¥1,000 − ¥234.50 = ¥765.50 allowed; revenue ¥500 → ¥265.50 left, nothing above
        // 2028: the full ¥1,000 again
        List<AllowanceView> views = AllowanceCarry.views(List.of(allowance(2028, 80_000, 10_000, 10_000),
                        allowance(2026, 80_000, 10_000, 10_000), allowance(2027, 80_000, 10_000, 10_000)),
                Map.of(2026, 123_450L, 2027, 50_000L));
        assertEquals(List.of(2026, 2027, 2028), views.stream().map(AllowanceView::year).toList(), "oldest first");
        AllowanceView first = views.get(0);
        assertEquals(100_000, first.allowanceFen());
        assertEquals(0, first.carriedDeductionFen());
        assertEquals(123_450, first.revenueFen());
        assertEquals(-23_450, first.remainingFen());
        assertEquals(23_450, first.excessFen());
        AllowanceView second = views.get(1);
        assertEquals(23_450, second.carriedDeductionFen());
        assertEquals(76_550, second.effectiveAllowanceFen());
        assertEquals(26_550, second.remainingFen());
        assertEquals(0, second.excessFen());
        assertEquals(0, views.get(2).carriedDeductionFen());
        assertEquals(100_000, views.get(2).effectiveAllowanceFen());
    }

    @Test
    void aDeductionLargerThanTheAllowance_carriesOn_andAYearWithoutAllowanceCarriesNothing() {
        // 2026: ¥100 allowed, ¥500 earned → ¥400 above; 2027: ¥300 allowed − ¥400 = nothing allowed, ¥50 earned → ¥150 above
        // (¥100 of deduction not absorbed + ¥50); 2028: ¥150 deducted; 2030 follows a year without allowance: nothing
        List<AllowanceView> views = AllowanceCarry.views(List.of(allowance(2026, 10_000, 0, 0), allowance(2027, 30_000, 0, 0),
                allowance(2028, 30_000, 0, 0), allowance(2030, 30_000, 0, 0)), Map.of(2026, 50_000L, 2027, 5_000L, 2029, 99_999L));
        assertEquals(40_000, views.get(0).excessFen());
        assertEquals(0, views.get(1).effectiveAllowanceFen());
        assertEquals(-5_000, views.get(1).remainingFen());
        assertEquals(15_000, views.get(1).excessFen());
        assertEquals(15_000, views.get(2).carriedDeductionFen());
        assertEquals(15_000, views.get(2).effectiveAllowanceFen());
        assertEquals(0, views.get(3).carriedDeductionFen(), "2029 had no allowance: no cap, no excess");
    }
}

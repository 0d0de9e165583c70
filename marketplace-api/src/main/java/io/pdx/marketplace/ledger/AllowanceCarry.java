package io.pdx.marketplace.ledger;

import io.pdx.contracts.ledger.AllowanceView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Revenue against the maximum allowed revenue, year after year: a year's effective allowance is its allowance less the
 * previous year's excess; its excess is the revenue above that (a deduction larger than the allowance carries on, as
 * revenue above a negative allowance). A year without an allowance set has no cap, so it carries nothing on.
 */
final class AllowanceCarry {

    private AllowanceCarry() {
    }

    /** The views of an operator's allowances, oldest first, with the revenue of each year (fen, net of reversals). */
    static List<AllowanceView> views(List<RevenueAllowance> allowances, Map<Integer, Long> revenueByYear) {
        List<RevenueAllowance> ordered = allowances.stream().sorted(Comparator.comparing(allowance -> allowance.year)).toList();
        List<AllowanceView> views = new ArrayList<>();
        Integer previousYear = null;
        long previousExcess = 0;
        for (RevenueAllowance allowance : ordered) {
            long deduction = previousYear != null && previousYear == allowance.year - 1 ? previousExcess : 0;
            long allowed = allowance.allowanceFen();
            long revenue = revenueByYear.getOrDefault(allowance.year, 0L);
            long net = Math.subtractExact(allowed, deduction);
            long excess = Math.max(0, Math.subtractExact(revenue, net));
            views.add(new AllowanceView(allowance.organization, allowance.year, allowance.costFen, allowance.profitFen,
                    allowance.taxFen, allowed, deduction, Math.max(0, net), revenue, Math.subtractExact(Math.max(0, net), revenue),
                    excess, allowance.basis, allowance.setBy, allowance.setAt));
            previousYear = allowance.year;
            previousExcess = excess;
        }
        return List.copyOf(views);
    }
}

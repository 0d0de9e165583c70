package io.pdx.contracts.sandbox;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One organization's differential-privacy budget on one dataset for one period, shared by all of its
 * licenses on that dataset.
 *
 * @param epsilonBudget ε of the period
 * @param deltaBudget   δ of the period
 * @param epsilonSpent  ε charged so far (refunds excluded)
 * @param deltaSpent    δ charged so far
 * @param epsilonLeft   ε still available
 * @param deltaLeft     δ still available
 * @param periodStart   start of the period (inclusive), in the bureau's time zone
 * @param periodEnd     end of the period (exclusive)
 */
public record PrivacyBudget(BigDecimal epsilonBudget, BigDecimal deltaBudget, BigDecimal epsilonSpent,
                            BigDecimal deltaSpent, BigDecimal epsilonLeft, BigDecimal deltaLeft,
                            OffsetDateTime periodStart, OffsetDateTime periodEnd) {

    public static PrivacyBudget of(PrivacyCost budget, PrivacyCost spent, OffsetDateTime periodStart, OffsetDateTime periodEnd) {
        PrivacyCost left = budget.minusOrZero(spent);
        return new PrivacyBudget(budget.epsilon(), budget.delta(), spent.epsilon(), spent.delta(), left.epsilon(),
                left.delta(), periodStart, periodEnd);
    }
}

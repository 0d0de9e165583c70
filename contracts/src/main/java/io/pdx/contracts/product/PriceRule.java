package io.pdx.contracts.product;

/**
 * A product's price rule as the API shows it. Amounts in fen (分), whole numbers.
 *
 * @param unitPriceFen the price per call, per 1,000 rows or per period; 0 when FREE
 * @param capFen       the government-guided upper limit (政府指导价上限); unitPriceFen never exceeds it
 * @param period       for PER_PERIOD only, else null
 */
public record PriceRule(PriceKind kind, long unitPriceFen, long capFen, PricePeriod period) {
}

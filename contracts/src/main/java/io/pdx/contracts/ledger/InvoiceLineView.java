package io.pdx.contracts.ledger;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One invoice line: a metered use of a license at its product's price.
 *
 * @param unit       {@code CALL}, {@code ROWS} (per 1,000 rows) or {@code PERIOD}
 * @param amountFen  the amount in fen (分); 0 for free purposes
 * @param journalId  the ledger journal that posted it, null when the amount is 0
 * @param reversedBy the journal that reversed it, or null
 * @param billingPeriod the period a {@code PERIOD} line bills ({@code 2026-12}, {@code 2026-Q4}, {@code 2026}), else null
 */
public record InvoiceLineView(UUID id, String organization, UUID licenseId, UUID productId, String unit, long quantity,
                              long unitPriceFen, long amountFen, UUID journalId, UUID reversedBy, OffsetDateTime createdAt,
                              String billingPeriod) {
}

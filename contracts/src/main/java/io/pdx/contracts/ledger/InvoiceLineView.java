package io.pdx.contracts.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One invoice line: a metered use of a license at its product's price, and where it stands.
 *
 * @param unit       {@code CALL}, {@code ROWS} (per 1,000 rows) or {@code PERIOD}
 * @param amountFen  the amount in fen (分); 0 for free purposes
 * @param journalId  the ledger journal that posted it, null when the amount is 0
 * @param reversedBy the journal that reversed it, or null
 * @param billingPeriod the period a {@code PERIOD} line bills ({@code 2026-12}, {@code 2026-Q4}, {@code 2026}), else null
 */
public record InvoiceLineView(UUID id, String organization, UUID licenseId, UUID productId, String unit, long quantity,
                              long unitPriceFen, long amountFen, UUID journalId, UUID reversedBy, OffsetDateTime createdAt,
                              String billingPeriod,
                              InvoiceStatus status,
                              @Schema(description = "Payable by / 缴款期限 (null when nothing is charged)", nullable = true) LocalDate dueOn,
                              @Schema(nullable = true) OffsetDateTime paidAt,
                              @Schema(description = "The numbered 非税收入 receipt issued on payment / 非税收入票据号", nullable = true) String receiptNo,
                              @Schema(description = "What the caller may do with the line now, e.g. pay, reverse") List<String> actions) {

    public InvoiceLineView {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public InvoiceLineView withActions(List<String> offered) {
        return new InvoiceLineView(id, organization, licenseId, productId, unit, quantity, unitPriceFen, amountFen, journalId,
                reversedBy, createdAt, billingPeriod, status, dueOn, paidAt, receiptNo, offered);
    }
}

package io.pdx.contracts.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * An operator's maximum allowed revenue for one year and the revenue the ledger holds against it (收益归财政 charges to
 * the operator, net of reversals). Revenue above the year's effective allowance is deducted from the next year's
 * allowance. Amounts in whole fen.
 */
public record AllowanceView(
        String organization,
        int year,
        long costFen,
        long profitFen,
        long taxFen,
        @Schema(description = "cost + profit + tax / 最高准许收入") long allowanceFen,
        @Schema(description = "The previous year's excess deducted from this year's allowance / 上期超收扣减") long carriedDeductionFen,
        @Schema(description = "allowance − deduction, not below 0 / 本期可收上限") long effectiveAllowanceFen,
        @Schema(description = "Revenue in the year from the ledger, net of reversals / 本期收入") long revenueFen,
        @Schema(description = "effective allowance − revenue; negative when exceeded / 剩余额度") long remainingFen,
        @Schema(description = "Revenue above the effective allowance (with any deduction not yet absorbed), deducted next year / 超收金额") long excessFen,
        String basis,
        String setBy,
        OffsetDateTime setAt) {
}

package io.pdx.contracts.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * A closed month of the ledger (结账): its figures as frozen when it was closed. Amounts in whole fen.
 *
 * @param period the month, {@code 2026-11} (Asia/Shanghai)
 * @param digest SHA-256 over every entry of the month in order (seq, journal, account, debit, credit): the same entries
 *               give the same digest, so a closed month can be checked against the ledger at any time
 */
public record LedgerPeriodView(
        String period,
        OffsetDateTime closedAt,
        String closedBy,
        @Schema(description = "Entries posted in the month / 分录数") long entries,
        long debitFen,
        long creditFen,
        @Schema(description = "Revenue credited to public finance in the month, net of reversals / 当月收益") long revenueFen,
        @Schema(description = "SHA-256 of the month's entries / 分录指纹") String digest) {
}

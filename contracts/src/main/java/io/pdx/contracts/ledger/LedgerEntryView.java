package io.pdx.contracts.ledger;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of a double-entry journal (never edited; a reversal is a new journal).
 *
 * @param account {@code receivable:<uscc>} or {@code revenue:public-finance} (收益归财政)
 */
public record LedgerEntryView(long seq, UUID journalId, String account, long debitFen, long creditFen, String organization,
                              UUID invoiceLineId, UUID reversesJournal, String memo, OffsetDateTime createdAt) {
}

package io.pdx.contracts.ledger;

import java.util.List;

/**
 * A page of ledger entries (newest first) with the totals over every entry the caller may see: debits equal
 * credits when the ledger balances. An operator sees its own organization's entries; the bureau all.
 */
public record LedgerPage(List<LedgerEntryView> items, long total, int page, int size, long totalDebitFen,
                         long totalCreditFen, boolean balanced) {

    public LedgerPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}

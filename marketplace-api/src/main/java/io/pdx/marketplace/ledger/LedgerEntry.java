package io.pdx.marketplace.ledger;

import io.pdx.contracts.ledger.LedgerEntryView;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One side of a journal in the double-entry ledger; never updated or deleted (the database refuses). */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    /** The public-finance revenue account of the bureau: revenue goes to public finance (收益归财政). */
    public static final String PUBLIC_FINANCE_REVENUE = "revenue:public-finance";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "journal_id")
    public UUID journalId;
    public String account;
    @Column(name = "debit_fen")
    public long debitFen;
    @Column(name = "credit_fen")
    public long creditFen;
    public String organization;
    @Column(name = "invoice_line_id")
    public UUID invoiceLineId;
    @Column(name = "reverses_journal")
    public UUID reversesJournal;
    public String memo;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    static String receivable(String organization) {
        return "receivable:" + organization;
    }

    static LedgerEntry of(UUID journal, String account, long debit, long credit, InvoiceLine line, UUID reverses, String memo,
                          OffsetDateTime now) {
        LedgerEntry entry = new LedgerEntry();
        entry.journalId = journal;
        entry.account = account;
        entry.debitFen = debit;
        entry.creditFen = credit;
        entry.organization = line.organization;
        entry.invoiceLineId = line.id;
        entry.reversesJournal = reverses;
        entry.memo = memo;
        entry.createdAt = now;
        return entry;
    }

    public LedgerEntryView toView() {
        return new LedgerEntryView(seq, journalId, account, debitFen, creditFen, organization, invoiceLineId, reversesJournal,
                memo, createdAt);
    }
}

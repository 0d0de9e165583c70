package io.pdx.marketplace.ledger;

import io.pdx.contracts.ledger.LedgerPeriodView;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A closed month of the ledger with its figures as frozen (结账); never changed (a trigger refuses it). */
@Entity
@Table(name = "ledger_period")
public class LedgerPeriod extends PanacheEntityBase {

    @Id
    public String period;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    public long entries;
    @Column(name = "debit_fen")
    public long debitFen;
    @Column(name = "credit_fen")
    public long creditFen;
    @Column(name = "revenue_fen")
    public long revenueFen;
    public String digest;

    public LedgerPeriodView toView() {
        return new LedgerPeriodView(period, closedAt, closedBy, entries, debitFen, creditFen, revenueFen, digest);
    }
}

package io.pdx.marketplace.ledger;

import io.pdx.contracts.ledger.InvoiceLineView;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One priced use of a license: calls, result rows or a period, with what it costs. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends PanacheEntityBase {

    @Id
    public UUID id;
    public String organization;
    @Column(name = "license_id")
    public UUID licenseId;
    @Column(name = "product_id")
    public UUID productId;
    public String unit;
    public long quantity;
    @Column(name = "unit_price_fen")
    public long unitPriceFen;
    @Column(name = "amount_fen")
    public long amountFen;
    @Column(name = "journal_id")
    public UUID journalId;
    @Column(name = "reversed_by")
    public UUID reversedBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** The period a PER_PERIOD line bills ({@code 2026-12}, {@code 2026-Q4}, {@code 2026}): at most one line per license and period. */
    @Column(name = "billing_period")
    public String billingPeriod;

    public InvoiceLineView toView() {
        return new InvoiceLineView(id, organization, licenseId, productId, unit, quantity, unitPriceFen, amountFen, journalId,
                reversedBy, createdAt, billingPeriod);
    }
}

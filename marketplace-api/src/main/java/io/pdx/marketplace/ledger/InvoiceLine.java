package io.pdx.marketplace.ledger;

import io.pdx.contracts.ledger.InvoiceLineView;
import io.pdx.contracts.ledger.InvoiceStatus;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One priced use of a license: calls, result rows or a period, with what it costs, and where it stands — ISSUED and
 * payable by its due date, OVERDUE, PAID with its receipt, REVERSED, or NO_CHARGE ({@link InvoiceTransition}).
 */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends StatefulEntity<InvoiceStatus> {

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
    /** The period a PER_PERIOD line bills ({@code 2026-12}, {@code 2026-Q4}, {@code 2026}): at most one line per license and period. */
    @Column(name = "billing_period")
    public String billingPeriod;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status = InvoiceStatus.ISSUED;

    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Column(name = "paid_by")
    public String paidBy;
    @Column(name = "payment_reference")
    public String paymentReference;
    @Column(name = "receipt_no")
    public String receiptNo;
    @Column(name = "reversal_reason")
    public String reversalReason;

    @Version
    public long version;

    /** For Hibernate. */
    public InvoiceLine() {
    }

    private InvoiceLine(long amountFen, LocalDate payableBy) {
        this.amountFen = amountFen;
        this.status = amountFen == 0 ? InvoiceStatus.NO_CHARGE : InvoiceStatus.ISSUED;
        this.dueOn = amountFen == 0 ? null : payableBy;
    }

    /** A new line in its first state: payable by {@code payableBy} when it costs something, else nothing to pay, ever. */
    static InvoiceLine issued(long amountFen, LocalDate payableBy) {
        return new InvoiceLine(amountFen, payableBy);
    }

    @Override
    public InvoiceStatus state() {
        return status;
    }

    @Override
    protected void enter(InvoiceStatus next) {
        status = next;
    }

    @Override
    protected void stamp(Transition<InvoiceStatus> transition, String actor, OffsetDateTime now) {
        if (transition.target() == InvoiceStatus.PAID) {
            paidAt = now;
            paidBy = actor;
        }
    }

    @Override
    protected String label() {
        return "Invoice line";
    }

    @Override
    public ProblemException notFound() {
        return new Charges.InvoiceLineNotFound(id);
    }

    @Override
    public List<InvoiceTransition> transitions() {
        return List.of(InvoiceTransition.values());
    }

    @Override
    public AuthzInput.Resource asResource() {
        return new AuthzInput.Resource("invoice", id.toString(), organization, null, null, status.name());
    }

    @Override
    public String auditType() {
        return "invoice_line";
    }

    @Override
    public Object auditId() {
        return id;
    }

    @Override
    public String auditOrganization() {
        return organization;
    }

    /** The amount and where the line stands: the reversing journal and its reason, or the receipt and payment reference. */
    @Override
    public Map<String, Object> auditDetail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("amountFen", amountFen);
        detail.put("status", status.name());
        if (reversedBy != null) {
            detail.put("reversal", reversedBy.toString());
        }
        if (reversalReason != null) {
            detail.put("reason", reversalReason);
        }
        if (receiptNo != null) {
            detail.put("receiptNo", receiptNo);
            detail.put("paymentReference", paymentReference);
        }
        return detail;
    }

    public InvoiceLineView toView() {
        return new InvoiceLineView(id, organization, licenseId, productId, unit, quantity, unitPriceFen, amountFen, journalId,
                reversedBy, createdAt, billingPeriod, status, dueOn, paidAt, receiptNo, List.of());
    }
}

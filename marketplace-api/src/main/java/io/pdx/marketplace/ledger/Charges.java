package io.pdx.marketplace.ledger;

import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.product.PriceKind;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.product.Product;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the use of a license into an invoice line at the product's price (发改价格〔2025〕65号 model:
 * free for the purposes the policy data lists, else the government-guided price, never above its
 * cap) and posts a balanced journal for it: debit the operator's receivable, credit public-finance
 * revenue. A charge is reversed, never edited. Each call is one transaction, audited.
 */
@ApplicationScoped
public class Charges {

    /** What a use is counted in. */
    public enum Unit {
        CALL, ROWS, PERIOD
    }

    static final String FREE_PURPOSES = "pdx/config/license/free_purposes";
    static final String PAYMENT_TERM_DAYS = "pdx/config/billing/payment_term_days";
    static final java.time.ZoneId BUREAU = io.pdx.marketplace.time.BureauTime.ZONE;

    /** What the policy data says a charge needs: the purposes that use products free, and the days a charge is payable in. */
    record Terms(List<String> freePurposes, int paymentTermDays) {
    }

    private final PolicyClient policy;
    private final AuditLog audit;
    private final Clock clock;

    public Charges(PolicyClient policy, AuditLog audit, Clock clock) {
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<InvoiceLine> charge(UUID licenseId, Unit unit, long quantity, String actor) {
        if (quantity < 0) {
            throw new ChargeRefused("quantity must be 0 or more");
        }
        return terms().flatMap(terms -> Panache.withTransaction(() ->
                License.<License>findById(licenseId).flatMap(license -> {
                    if (license == null || license.state() != LicenseState.ACTIVE) {
                        throw new ChargeRefused("license " + licenseId + " is not ACTIVE");
                    }
                    return Product.<Product>findById(license.productId).flatMap(product -> {
                        InvoiceLine line = line(license, product, unit, quantity, terms, OffsetDateTime.now(clock));
                        return persistAndPost(line, actor, "charge " + unit + " x " + quantity);
                    });
                })));
    }

    /**
     * Bills one period of a PER_PERIOD price, inside the caller's transaction (which holds the license's billing lock):
     * one line of quantity 1 labelled with its period, free for the purposes the policy lists.
     */
    Uni<InvoiceLine> chargePeriod(License license, Product product, String period, Terms terms, String actor) {
        InvoiceLine line = line(license, product, Unit.PERIOD, 1, terms, OffsetDateTime.now(clock));
        line.billingPeriod = period;
        return persistAndPost(line, actor, "charge PERIOD " + period);
    }

    /** The free purposes and the payment term, from the policy data (both at once). */
    Uni<Terms> terms() {
        return Uni.combine().all().unis(policy.evaluate(FREE_PURPOSES, Map.of(), String[].class),
                        policy.evaluate(PAYMENT_TERM_DAYS, Map.of(), Integer.class))
                .with((free, days) -> new Terms(List.of(free.result()), days.result()));
    }

    private Uni<InvoiceLine> persistAndPost(InvoiceLine line, String actor, String memo) {
        return line.persist().flatMap(saved -> line.amountFen == 0 ? Uni.createFrom().item(line)
                        : post(line, line.journalId, LedgerEntry.receivable(line.organization),
                        LedgerEntry.PUBLIC_FINANCE_REVENUE, null, memo, line.createdAt))
                .call(posted -> audit.record(actor, AuditAction.LEDGER_CHARGE, "invoice_line", line.id, line.organization, null,
                        line.billingPeriod == null
                                ? Map.of("amountFen", line.amountFen, "unit", line.unit, "quantity", line.quantity,
                                "licenseId", line.licenseId.toString())
                                : Map.of("amountFen", line.amountFen, "unit", line.unit, "quantity", line.quantity,
                                "licenseId", line.licenseId.toString(), "period", line.billingPeriod)));
    }

    private static InvoiceLine line(License license, Product product, Unit unit, long quantity, Terms terms,
                                    OffsetDateTime now) {
        boolean free = product.priceKind == PriceKind.FREE || terms.freePurposes().contains(license.purposeCategory);
        if (!free && !matches(product.priceKind, unit)) {
            throw new ChargeRefused("product " + product.id + " is priced " + product.priceKind + ", not per " + unit);
        }
        long unitPrice = free ? 0 : product.unitPriceFen;
        long units = unit == Unit.ROWS ? (quantity + 999) / 1000 : quantity;
        long amount = Math.multiplyExact(units, unitPrice);
        InvoiceLine line = InvoiceLine.issued(amount, now.atZoneSameInstant(BUREAU).toLocalDate().plusDays(terms.paymentTermDays()));
        line.id = UUID.randomUUID();
        line.organization = license.organization;
        line.licenseId = license.id;
        line.productId = product.id;
        line.unit = unit.name();
        line.quantity = quantity;
        line.createdAt = now; // its month in the revenue figures
        line.unitPriceFen = unitPrice;
        line.journalId = amount == 0 ? null : UUID.randomUUID();
        return line;
    }

    private static boolean matches(PriceKind kind, Unit unit) {
        return switch (kind) {
            case PER_CALL -> unit == Unit.CALL;
            case PER_1000_ROWS -> unit == Unit.ROWS;
            case PER_PERIOD -> unit == Unit.PERIOD;
            case FREE -> true;
        };
    }

    static Uni<InvoiceLine> post(InvoiceLine line, UUID journal, String debitAccount, String creditAccount,
                                         UUID reverses, String memo, OffsetDateTime now) {
        return LedgerEntry.persist(
                        LedgerEntry.of(journal, debitAccount, line.amountFen, 0, line, reverses, memo, now),
                        LedgerEntry.of(journal, creditAccount, 0, line.amountFen, line, reverses, memo, now))
                .replaceWith(line);
    }

    /** No invoice line of that id: 404. */
    public static final class InvoiceLineNotFound extends ProblemException {
        InvoiceLineNotFound(UUID id) {
            super(404, "invoice-line-not-found", "Invoice line not found / 账单明细不存在", "No invoice line " + id);
        }
    }

    /** A charge that cannot be made: 409. */
    public static final class ChargeRefused extends ProblemException {
        ChargeRefused(String detail) {
            super(409, "charge-refused", "Charge refused / 计费被拒绝", detail);
        }
    }
}

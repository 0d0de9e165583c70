package io.pdx.marketplace.ledger;

import io.pdx.contracts.ledger.InvoiceStatus;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The invoice transitions, through the transition kernel (OPA asks, the state table checks, the audit chain records):
 * the bureau records a payment — the receivable cleared into the treasury by a balanced journal and a numbered 非税收入
 * receipt issued — or reverses a charge by the opposite journal with its reason; the platform marks lines overdue once
 * their due date has passed (every few minutes, and safe with several instances: each line moves under its row lock).
 */
@ApplicationScoped
public class Invoices {

    /** The treasury account a payment is received into (国库): the receivable is cleared against it. */
    public static final String TREASURY = "treasury:public-finance";
    static final String ACTOR = "platform:invoice-due";
    private static final Logger LOG = Logger.getLogger(Invoices.class);
    static final String NEXT_RECEIPT = "INSERT INTO receipt_sequence (year, last) VALUES (:year, 1)"
            + " ON CONFLICT (year) DO UPDATE SET last = receipt_sequence.last + 1 RETURNING last";

    private final TransitionKernel transitions;
    private final Clock clock;

    public Invoices(TransitionKernel transitions, Clock clock) {
        this.transitions = transitions;
        this.clock = clock;
    }

    /** 冲销: the opposite journal of the charge, the line REVERSED with the reason; 409 once paid, reversed or free. */
    public Uni<InvoiceLine> reverse(UUID id, Subject subject, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transitions.run(InvoiceTransition.REVERSE, subject, () -> load(id), Change.<InvoiceLine>prepared(line -> {
            UUID reversal = UUID.randomUUID();
            line.reversedBy = reversal;
            line.reversalReason = reason;
            return Charges.post(line, reversal, LedgerEntry.PUBLIC_FINANCE_REVENUE, LedgerEntry.receivable(line.organization),
                    line.journalId, "reversal of journal " + line.journalId, now);
        }, line -> { }));
    }

    /** 收款确认: the payment received into the treasury, a receipt numbered for the year; 409 once paid, reversed or free. */
    public Uni<InvoiceLine> pay(UUID id, Subject subject, String reference) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int year = now.atZoneSameInstant(Charges.BUREAU).getYear();
        return transitions.run(InvoiceTransition.PAY, subject, () -> load(id), Change.<InvoiceLine>prepared(line ->
                Panache.getSession().flatMap(session -> session.createNativeQuery(NEXT_RECEIPT, Long.class)
                                .setParameter("year", year).getSingleResult())
                        .flatMap(number -> {
                            line.receiptNo = receiptNumber(year, number);
                            line.paymentReference = reference;
                            return Charges.post(line, UUID.randomUUID(), TREASURY, LedgerEntry.receivable(line.organization), null,
                                    "payment " + reference + ", receipt " + line.receiptNo, now);
                        }), line -> { }));
    }

    static String receiptNumber(int year, long number) {
        return String.format("FS%d-%08d", year, number);
    }

    /** Marks every ISSUED line whose due date has passed OVERDUE; returns how many. */
    @Scheduled(every = "${pdx.ledger.overdue-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return markOverdue().onFailure().invoke(failure -> LOG.warnf("marking overdue invoices failed: %s",
                failure.getClass().getSimpleName())).onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Integer> markOverdue() {
        LocalDate today = LocalDate.now(clock.withZone(Charges.BUREAU));
        return Panache.withSession(() -> InvoiceLine.<InvoiceLine>find("status = ?1 and dueOn < ?2", InvoiceStatus.ISSUED, today)
                        .project(IdOnly.class).list())
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(line -> Panache.withTransaction(() ->
                                InvoiceLine.<InvoiceLine>findById(line.id(), LockModeType.PESSIMISTIC_WRITE).flatMap(locked ->
                                        locked == null || locked.state() != InvoiceStatus.ISSUED || !locked.dueOn.isBefore(today)
                                                ? Uni.createFrom().item(0)
                                                : transitions.runAsPlatform(InvoiceTransition.FALL_DUE, ACTOR, null, locked,
                                                Change.none()).replaceWith(1))))
                        .collect().asList())
                .map(moved -> moved.stream().mapToInt(Integer::intValue).sum());
    }

    /** A line's id alone (the scan reads no more). */
    public record IdOnly(UUID id) {
    }

    private static Uni<InvoiceLine> load(UUID id) {
        return InvoiceLine.<InvoiceLine>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new Charges.InvoiceLineNotFound(id));
    }
}

package io.pdx.marketplace.ledger;

import io.pdx.contracts.ledger.InvoiceStatus;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.ledger.InvoiceStatus.ISSUED;
import static io.pdx.contracts.ledger.InvoiceStatus.OVERDUE;
import static io.pdx.contracts.ledger.InvoiceStatus.PAID;
import static io.pdx.contracts.ledger.InvoiceStatus.REVERSED;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;
import static io.pdx.marketplace.lifecycle.Transition.Edge.platform;

/**
 * The named transitions of an invoice line: the bureau records its payment (a numbered receipt, the receivable
 * cleared into the treasury) or reverses it (the opposite journal, with a reason); the platform marks it overdue once
 * its due date has passed. A paid line is not reversed (a refund is a payment of its own), a reversed one not paid;
 * a NO_CHARGE line has no transition at all.
 */
public enum InvoiceTransition implements Transition<InvoiceStatus> {
    PAY(caller("pay", PAID, ISSUED, OVERDUE)),
    REVERSE(caller("reverse", REVERSED, ISSUED, OVERDUE)),
    FALL_DUE(platform("fall_due", OVERDUE, ISSUED));

    private final Edge<InvoiceStatus> edge;

    InvoiceTransition(Edge<InvoiceStatus> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<InvoiceStatus> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "invoice";
    }
}

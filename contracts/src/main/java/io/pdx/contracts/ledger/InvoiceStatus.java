package io.pdx.contracts.ledger;

/**
 * An invoice line's state: ISSUED when a charge is posted (payable by its due date), OVERDUE once that date has passed
 * unpaid, PAID when the bureau records the payment (a numbered 非税收入 receipt is issued), REVERSED when the charge is
 * reversed by the opposite journal; NO_CHARGE for a use that costs nothing (a free purpose or product), which posts
 * nothing and is never payable.
 */
public enum InvoiceStatus {
    NO_CHARGE, ISSUED, OVERDUE, PAID, REVERSED
}

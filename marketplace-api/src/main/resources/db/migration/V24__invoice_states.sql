-- Invoice lines get a life cycle (the transition kernel's): ISSUED with a due date when a charge is posted, OVERDUE once
-- it has passed, PAID with a numbered 非税收入 receipt, REVERSED by the opposite journal; NO_CHARGE for a free use.
ALTER TABLE invoice_line
    ADD COLUMN status            varchar(16)  NOT NULL DEFAULT 'ISSUED'
        CHECK (status IN ('NO_CHARGE', 'ISSUED', 'OVERDUE', 'PAID', 'REVERSED')),
    ADD COLUMN due_on            date,
    ADD COLUMN paid_at           timestamptz,
    ADD COLUMN paid_by           varchar(100),
    ADD COLUMN payment_reference varchar(100),
    ADD COLUMN receipt_no        varchar(32) UNIQUE,
    ADD COLUMN reversal_reason   varchar(500),
    ADD COLUMN updated_at        timestamptz  NOT NULL DEFAULT now(),
    ADD COLUMN version           bigint       NOT NULL DEFAULT 0;

UPDATE invoice_line SET status = CASE WHEN reversed_by IS NOT NULL THEN 'REVERSED'
                                      WHEN journal_id IS NULL THEN 'NO_CHARGE'
                                      ELSE 'ISSUED' END,
                        due_on = CASE WHEN journal_id IS NULL THEN NULL
                                      ELSE (created_at AT TIME ZONE 'Asia/Shanghai')::date + 30 END;

ALTER TABLE invoice_line
    ADD CONSTRAINT invoice_line_paid_has_receipt CHECK ((status = 'PAID') = (receipt_no IS NOT NULL)),
    ADD CONSTRAINT invoice_line_charged_is_due CHECK ((status = 'NO_CHARGE') = (due_on IS NULL)),
    ADD CONSTRAINT invoice_line_reversed_has_journal CHECK ((status = 'REVERSED') = (reversed_by IS NOT NULL));
CREATE INDEX invoice_line_due_idx ON invoice_line (status, due_on);

-- 非税收入 receipt numbers, one gapless sequence per year: the row lock of the year serializes the numbering, and a
-- payment rolled back gives its number back.
CREATE TABLE receipt_sequence (
    year integer PRIMARY KEY,
    last bigint  NOT NULL CHECK (last >= 1)
);

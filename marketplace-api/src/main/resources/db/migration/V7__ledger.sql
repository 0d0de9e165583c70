-- Pricing and the revenue ledger (收益归财政). Usage becomes invoice lines; each charge posts a
-- balanced journal: debit the operator's receivable, credit the public-finance revenue account.
-- Entries are never updated or deleted, only reversed by a journal of opposite entries.
CREATE TABLE invoice_line (
    id             uuid        PRIMARY KEY,
    organization   varchar(18) NOT NULL,
    license_id     uuid        NOT NULL REFERENCES license (id),
    product_id     uuid        NOT NULL REFERENCES product (id),
    unit           varchar(16) NOT NULL CHECK (unit IN ('CALL', 'ROWS', 'PERIOD')),
    quantity       bigint      NOT NULL CHECK (quantity >= 0),
    unit_price_fen bigint      NOT NULL CHECK (unit_price_fen >= 0),
    amount_fen     bigint      NOT NULL CHECK (amount_fen >= 0),
    journal_id     uuid,
    reversed_by    uuid,
    created_at     timestamptz NOT NULL
);
CREATE INDEX invoice_line_organization_idx ON invoice_line (organization, created_at);

CREATE TABLE ledger_entry (
    seq              bigserial    PRIMARY KEY,
    journal_id       uuid         NOT NULL,
    account          varchar(64)  NOT NULL,
    debit_fen        bigint       NOT NULL DEFAULT 0 CHECK (debit_fen >= 0),
    credit_fen       bigint       NOT NULL DEFAULT 0 CHECK (credit_fen >= 0),
    organization     varchar(18),
    invoice_line_id  uuid         REFERENCES invoice_line (id),
    reverses_journal uuid,
    memo             varchar(200) NOT NULL,
    created_at       timestamptz  NOT NULL,
    CONSTRAINT ledger_entry_one_side CHECK ((debit_fen > 0) <> (credit_fen > 0))
);
CREATE INDEX ledger_entry_journal_idx ON ledger_entry (journal_id);

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only: reverse them instead';
END
$$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

-- Every journal balances, checked when its transaction commits.
CREATE FUNCTION ledger_journal_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT sum(debit_fen) - sum(credit_fen) FROM ledger_entry WHERE journal_id = NEW.journal_id) <> 0 THEN
        RAISE EXCEPTION 'journal % does not balance', NEW.journal_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_journal_balances();

-- Period close (结账): a month of the ledger (Asia/Shanghai) that is over is closed by the bureau, its figures frozen —
-- the count of entries, their debits and credits, the revenue credited to public finance and a SHA-256 fingerprint of
-- every entry. A closed period takes no posting (the trigger below); a correction is a journal in an open period. A close
-- is never undone.
CREATE TABLE ledger_period (
    period      char(7)      PRIMARY KEY CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    closed_at   timestamptz  NOT NULL,
    closed_by   varchar(100) NOT NULL,
    entries     bigint       NOT NULL CHECK (entries >= 0),
    debit_fen   bigint       NOT NULL CHECK (debit_fen >= 0),
    credit_fen  bigint       NOT NULL CHECK (credit_fen >= 0),
    revenue_fen bigint       NOT NULL,
    digest      char(64)     NOT NULL
);

CREATE FUNCTION ledger_period_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a closed ledger period is final: post a correcting journal in an open period';
END
$$;
CREATE TRIGGER ledger_period_final BEFORE UPDATE OR DELETE ON ledger_period
    FOR EACH ROW EXECUTE FUNCTION ledger_period_is_final();

-- The month's shared lock, held to the posting's commit, against the close's exclusive one: a posting racing a close either
-- commits before the close counts it, or waits and then finds the month closed.
CREATE FUNCTION ledger_entry_period_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtext('ledger_period:' || to_char(NEW.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'))::bigint);
    IF EXISTS (SELECT 1 FROM ledger_period WHERE period = to_char(NEW.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')) THEN
        RAISE EXCEPTION 'ledger period % is closed: post a correcting journal in an open period',
            to_char(NEW.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER ledger_entry_period_open BEFORE INSERT ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_period_open();

-- PER_PERIOD prices are billed each period (a month, a quarter or a year), in advance, by a scheduled job: one invoice
-- line per license and period, whichever instance runs it and however often.
ALTER TABLE invoice_line ADD COLUMN billing_period varchar(7);
CREATE UNIQUE INDEX invoice_line_one_per_period ON invoice_line (license_id, billing_period) WHERE billing_period IS NOT NULL;

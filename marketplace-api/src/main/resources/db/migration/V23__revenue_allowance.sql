-- 最高准许收入 (发改价格〔2025〕65号): per operator and year, operating cost + allowed profit + tax, set by the bureau with
-- its basis. The ledger's revenue from the operator is tracked against it; revenue above it is deducted from the next
-- year's allowance (computed from these rows and the ledger, never stored twice). A year that is over is not changed.
CREATE TABLE revenue_allowance (
    organization varchar(18)  NOT NULL REFERENCES organization (uscc),
    year         integer      NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    cost_fen     bigint       NOT NULL CHECK (cost_fen >= 0),
    profit_fen   bigint       NOT NULL CHECK (profit_fen >= 0),
    tax_fen      bigint       NOT NULL CHECK (tax_fen >= 0),
    basis        varchar(500) NOT NULL,
    set_by       varchar(100) NOT NULL,
    set_at       timestamptz  NOT NULL,
    PRIMARY KEY (organization, year)
);

-- A product is LISTED until its holding department or the bureau withdraws it (下架), with a reason: no new
-- application is taken then; licenses already granted keep their term.
ALTER TABLE product
    ADD COLUMN status            varchar(20) NOT NULL DEFAULT 'LISTED',
    ADD COLUMN withdrawn_at      timestamptz,
    ADD COLUMN withdrawn_by      varchar(100),
    ADD COLUMN withdrawal_reason varchar(500),
    ADD CONSTRAINT product_status_known CHECK (status IN ('LISTED', 'WITHDRAWN')),
    ADD CONSTRAINT product_withdrawal_whole CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL));

-- The holding department's consent to a product's listing (数源单位同意): given by the department itself (it listed the
-- product, or consented later) or recorded by the bureau from the department's letter; optionally limited to named
-- operators. A product without it is not listed to operators and the license policy refuses it.
ALTER TABLE product
    ADD COLUMN consent_given_at      timestamptz,
    ADD COLUMN consent_given_by      varchar(100),
    ADD COLUMN consent_document      varchar(200),
    ADD COLUMN consent_organizations jsonb,
    ADD CONSTRAINT product_consent_whole CHECK ((consent_given_at IS NULL) = (consent_given_by IS NULL));

-- Products listed before consents were recorded were listed with the departments' agreement outside the platform.
UPDATE product SET consent_given_at = created_at, consent_given_by = created_by,
                   consent_document = '登记前已上架（平台外同意） / listed before consents were recorded',
                   consent_organizations = '{"organizations": []}'::jsonb;

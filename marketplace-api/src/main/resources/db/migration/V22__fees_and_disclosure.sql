-- 收费公示 and the annual disclosure (发改价格〔2025〕65号).
-- A listed product's unit price may change within its cap, with the basis it is set on; every change is kept, so the
-- fee notice shows each price the product had and since when. Rows are never updated or deleted.
CREATE TABLE product_price_change (
    id                      uuid         PRIMARY KEY,
    product_id              uuid         NOT NULL REFERENCES product (id),
    previous_unit_price_fen bigint       NOT NULL CHECK (previous_unit_price_fen >= 0),
    unit_price_fen          bigint       NOT NULL CHECK (unit_price_fen >= 0),
    cap_fen                 bigint       NOT NULL CHECK (unit_price_fen <= cap_fen),
    basis                   varchar(500) NOT NULL,
    changed_by              varchar(100) NOT NULL,
    effective_from          timestamptz  NOT NULL
);
CREATE INDEX product_price_change_product_idx ON product_price_change (product_id, effective_from);

CREATE FUNCTION product_price_change_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'price changes are a history: record a new change instead';
END
$$;
CREATE TRIGGER product_price_change_append_only BEFORE UPDATE OR DELETE ON product_price_change
    FOR EACH ROW EXECUTE FUNCTION product_price_change_is_append_only();

-- One disclosure per year: prepared as a DRAFT (again as often as needed), PUBLISHED once and then never changed.
CREATE TABLE annual_disclosure (
    year           integer      PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
    status         varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    content        text         NOT NULL, -- canonical JSON kept byte for byte: content_sha256 hashes these bytes
    content_sha256 char(64)     NOT NULL,
    pdf            bytea        NOT NULL,
    pdf_sha256     char(64)     NOT NULL,
    prepared_at    timestamptz  NOT NULL,
    prepared_by    varchar(100) NOT NULL,
    published_at   timestamptz,
    published_by   varchar(100),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT annual_disclosure_published_stamped CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);

CREATE FUNCTION annual_disclosure_published_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'the disclosure of % is published: it is never changed', OLD.year;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER annual_disclosure_final BEFORE UPDATE OR DELETE ON annual_disclosure
    FOR EACH ROW EXECUTE FUNCTION annual_disclosure_published_is_final();

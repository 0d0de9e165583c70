-- Data products (数据产品): a registered dataset version listed by the bureau with the modes of use its
-- grade allows, a capped price rule (amounts in fen) and its product description (数据产品说明书:
-- scenarios, update frequency, quality notes, columns, a synthetic sample) as JSON. Which modes a
-- grade allows, and that CORE data is never listed, is checked against the policy data at listing.
CREATE TABLE product (
    id             uuid         PRIMARY KEY,
    dataset_id     uuid         NOT NULL REFERENCES dataset (id),
    name_zh        varchar(200) NOT NULL,
    name_en        varchar(200) NOT NULL,
    modes          jsonb        NOT NULL,
    price_kind     varchar(16)  NOT NULL CHECK (price_kind IN ('FREE', 'PER_CALL', 'PER_1000_ROWS', 'PER_PERIOD')),
    unit_price_fen bigint       NOT NULL CHECK (unit_price_fen >= 0),
    cap_fen        bigint       NOT NULL CHECK (cap_fen >= 0),
    price_period   varchar(8)   CHECK (price_period IN ('MONTH', 'QUARTER', 'YEAR')),
    description    jsonb        NOT NULL,
    created_by     varchar(100) NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT product_modes_not_empty CHECK (jsonb_typeof(modes -> 'modes') = 'array'
        AND jsonb_array_length(modes -> 'modes') > 0),
    CONSTRAINT product_unit_price_within_cap CHECK (unit_price_fen <= cap_fen),
    CONSTRAINT product_free_costs_nothing CHECK (price_kind <> 'FREE' OR unit_price_fen = 0),
    CONSTRAINT product_period_only_per_period CHECK ((price_kind = 'PER_PERIOD') = (price_period IS NOT NULL)),
    CONSTRAINT product_name_per_dataset UNIQUE (dataset_id, name_zh)
);

CREATE INDEX product_listing_order_idx ON product (created_at DESC, id);

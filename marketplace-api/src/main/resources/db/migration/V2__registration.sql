-- Registration (登记) and search. A dataset is one version of a lineage: a registered version never
-- changes; a change is a new version of the same lineage, registered again.

-- Two-level taxonomy (领域/子类). Codes are what the API takes; names are what people read.
CREATE TABLE category (
    code    varchar(100) PRIMARY KEY,
    name_zh varchar(100) NOT NULL,
    name_en varchar(100) NOT NULL
);
INSERT INTO category (code, name_zh, name_en) VALUES
    ('经济/市场监管', '经济 · 市场监管', 'Economy · Market regulation'),
    ('经济/财政税务', '经济 · 财政税务', 'Economy · Public finance and tax'),
    ('经济/统计', '经济 · 统计', 'Economy · Statistics'),
    ('交通/公共交通', '交通 · 公共交通', 'Transport · Public transit'),
    ('交通/道路运输', '交通 · 道路运输', 'Transport · Road transport'),
    ('生态/环境监测', '生态 · 环境监测', 'Ecology · Environmental monitoring'),
    ('生态/气象', '生态 · 气象', 'Ecology · Meteorology'),
    ('社会/医疗保障', '社会 · 医疗保障', 'Society · Medical insurance'),
    ('社会/教育', '社会 · 教育', 'Society · Education'),
    ('社会/人口', '社会 · 人口', 'Society · Population'),
    ('城建/不动产', '城建 · 不动产', 'Urban · Real estate'),
    ('城建/规划', '城建 · 规划', 'Urban · Planning'),
    ('能源/电力', '能源 · 电力', 'Energy · Electricity'),
    ('能源/燃气', '能源 · 燃气', 'Energy · Gas');

ALTER TABLE dataset
    ADD COLUMN lineage_id        uuid,
    ADD COLUMN dataset_version   integer      NOT NULL DEFAULT 1 CHECK (dataset_version >= 1),
    ADD COLUMN status            varchar(16)  NOT NULL DEFAULT 'REGISTERED'
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'REGISTERED', 'SUPERSEDED')),
    ADD COLUMN general_sublevel  smallint     CHECK (general_sublevel BETWEEN 1 AND 4),
    ADD COLUMN update_frequency  varchar(16)  NOT NULL DEFAULT 'IRREGULAR',
    ADD COLUMN time_coverage_start date,
    ADD COLUMN time_coverage_end   date,
    ADD COLUMN spatial_coverage  varchar(12)  NOT NULL DEFAULT '350100',
    ADD COLUMN sharing_type      varchar(16)  NOT NULL DEFAULT 'CONDITIONAL'
        CHECK (sharing_type IN ('UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED')),
    ADD COLUMN sharing_condition text,
    ADD COLUMN openness          varchar(24)  NOT NULL DEFAULT 'AUTHORIZED_OPERATION'
        CHECK (openness IN ('OPEN', 'AUTHORIZED_OPERATION', 'NOT_OPEN')),
    ADD COLUMN certificate_no    varchar(40)  UNIQUE,
    ADD COLUMN return_reasons    jsonb        NOT NULL DEFAULT '{"reasons": []}'::jsonb,
    ADD COLUMN created_by        varchar(100),
    ADD COLUMN submitted_by      varchar(100),
    ADD COLUMN registered_by     varchar(100),
    ADD COLUMN submitted_at      timestamptz,
    ADD COLUMN registered_at     timestamptz,
    ADD COLUMN search_text       text GENERATED ALWAYS AS
        (lower(name_zh || ' ' || name_en || ' ' || description || ' ' || category)) STORED;

-- Rows from V1 (the demo registration) become version 1 of their own lineage, registered.
UPDATE dataset SET lineage_id = id,
                   sharing_condition = '按授权运营协议约定的用途和范围使用 / within the purpose and scope of the authorization agreement',
                   certificate_no = 'PDX-350100-' || to_char(created_at, 'YYYY') || '-' || substr(replace(id::text, '-', ''), 1, 8),
                   registered_at = created_at;
ALTER TABLE dataset ALTER COLUMN lineage_id SET NOT NULL,
                    ALTER COLUMN status SET DEFAULT 'DRAFT',
    ADD CONSTRAINT dataset_time_coverage CHECK (time_coverage_end IS NULL OR time_coverage_start IS NULL
        OR time_coverage_start <= time_coverage_end),
    ADD CONSTRAINT dataset_conditional_sharing_states_condition CHECK (sharing_type = 'UNCONDITIONAL'
        OR (sharing_condition IS NOT NULL AND length(trim(sharing_condition)) > 0)),
    ADD CONSTRAINT dataset_registered_has_certificate CHECK (status NOT IN ('REGISTERED', 'SUPERSEDED')
        OR certificate_no IS NOT NULL);

ALTER TABLE dataset DROP CONSTRAINT dataset_name_per_provider;
ALTER TABLE dataset ADD CONSTRAINT dataset_category_fk FOREIGN KEY (category) REFERENCES category (code);
CREATE UNIQUE INDEX dataset_version_per_lineage ON dataset (lineage_id, dataset_version);
-- A name belongs to one lineage per provider.
CREATE TABLE dataset_name (
    provider   varchar(64)  NOT NULL,
    name_zh    varchar(200) NOT NULL,
    lineage_id uuid         NOT NULL,
    PRIMARY KEY (provider, name_zh)
);
INSERT INTO dataset_name (provider, name_zh, lineage_id) SELECT provider, name_zh, lineage_id FROM dataset;

CREATE SEQUENCE certificate_seq;

-- Chinese keywords are often two characters (公交, 医保), too short for trigrams: every pair of
-- adjacent characters of the searchable text is stored, once, at write time, and indexed with GIN
-- (the idea of pg_bigm). A keyword of two or more characters finds its candidates by the index;
-- LIKE only rechecks them.
CREATE FUNCTION pdx_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}')
    FROM generate_series(1, length(t) - 1) AS i
$$;
ALTER TABLE dataset ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS
    (pdx_bigrams(lower(name_zh || ' ' || name_en || ' ' || description || ' ' || category))) STORED;
CREATE INDEX dataset_search_bigrams ON dataset USING gin (search_bigrams);
-- Facet counts read only this index (index-only scan); pages in name, date or size order walk
-- an ordered index and stop after the page instead of sorting every visible row.
CREATE INDEX dataset_visibility_facets_idx ON dataset (status, grade) INCLUDE (category, provider, openness);
CREATE INDEX dataset_order_name_idx ON dataset (name_zh, id);
CREATE INDEX dataset_order_name_en_idx ON dataset (name_en, id);
CREATE INDEX dataset_order_updated_idx ON dataset (updated_at, id);
CREATE INDEX dataset_order_rows_idx ON dataset (row_count, id);
CREATE INDEX dataset_category_idx ON dataset (category);
CREATE INDEX dataset_openness_idx ON dataset (openness);

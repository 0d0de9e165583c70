-- The catalog: one row per registered dataset (目录). The schema (columns with their tags) as JSON.
CREATE TABLE dataset (
    id            uuid PRIMARY KEY,
    name_zh       varchar(200) NOT NULL,
    name_en       varchar(200) NOT NULL,
    description   text         NOT NULL DEFAULT '',
    category      varchar(100) NOT NULL,
    grade         varchar(16)  NOT NULL CHECK (grade IN ('GENERAL', 'IMPORTANT', 'CORE')),
    provider      varchar(64)  NOT NULL,
    provider_name varchar(200) NOT NULL,
    row_count     bigint       NOT NULL DEFAULT 0 CHECK (row_count >= 0),
    data_file     varchar(300),
    entity_column varchar(100),
    schema        jsonb        NOT NULL DEFAULT '{"columns": []}'::jsonb,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT dataset_name_per_provider UNIQUE (provider, name_zh)
);

CREATE INDEX dataset_grade_idx ON dataset (grade);
CREATE INDEX dataset_provider_idx ON dataset (provider);

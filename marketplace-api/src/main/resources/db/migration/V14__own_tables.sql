-- An organization's own tables (自有数据): the metadata here, the rows inside the domain (sandbox-runner's data folder,
-- own/<id>.parquet), never served back. A job that reads one is recorded in sandbox_job_table, so that deleting the
-- table deletes every result derived from it. The receipt of a deletion is kept with the table and in the audit chain.
CREATE TABLE own_table (
    id           uuid         PRIMARY KEY,
    organization varchar(18)  NOT NULL,
    alias        varchar(63)  NOT NULL,
    state        varchar(16)  NOT NULL,
    format       varchar(16)  NOT NULL,
    row_count    bigint       NOT NULL,
    bytes        bigint       NOT NULL,
    sha256       char(64)     NOT NULL,
    columns      jsonb        NOT NULL,
    created_by   varchar(100) NOT NULL,
    confirmed_at timestamptz,
    receipt      jsonb,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX own_table_alias ON own_table (organization, alias) WHERE state <> 'DELETED';
CREATE INDEX own_table_organization ON own_table (organization, created_at);

CREATE TABLE sandbox_job_table (
    job_id   uuid NOT NULL REFERENCES sandbox_job (id) ON DELETE CASCADE,
    table_id uuid NOT NULL REFERENCES own_table (id),
    PRIMARY KEY (job_id, table_id)
);
CREATE INDEX sandbox_job_table_table ON sandbox_job_table (table_id);

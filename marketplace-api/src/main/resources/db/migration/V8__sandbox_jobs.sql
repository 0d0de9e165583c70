-- Sandbox jobs (数据可用不可见): the statement as submitted and as regenerated, the admission and
-- release decisions, the ε charged to the license, and what the output controls left. The result
-- itself stays in sandbox-runner; only its summary is here.
CREATE TABLE sandbox_job (
    id               uuid          PRIMARY KEY,
    license_id       uuid          NOT NULL REFERENCES license (id),
    dataset_id       uuid          NOT NULL REFERENCES dataset (id),
    organization     varchar(18)   NOT NULL,
    submitted_by     varchar(100)  NOT NULL,
    template_id      varchar(100),
    submitted_sql    text          NOT NULL,
    sql_text         text          NOT NULL,
    sql_sha256       char(64)      NOT NULL,
    grade            varchar(16)   NOT NULL,
    state            varchar(20)   NOT NULL
        CHECK (state IN ('QUEUED', 'ADMITTED', 'RUNNING', 'SUCCEEDED', 'AWAITING_RELEASE', 'RELEASED',
                         'REJECTED', 'FAILED', 'CANCELLED')),
    epsilon_charged  double precision NOT NULL DEFAULT 0 CHECK (epsilon_charged >= 0),
    reused_from      uuid          REFERENCES sandbox_job (id),
    controls         jsonb         NOT NULL,
    admission_id     varchar(64),
    release_id       varchar(64),
    release_reasons  jsonb         NOT NULL DEFAULT '{"reasons": []}'::jsonb,
    summary          jsonb,
    failure          jsonb,
    reviewed_by      varchar(100),
    review_note      varchar(1000),
    attempt          integer       NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    expires_at       timestamptz,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 0,
    CONSTRAINT sandbox_job_released_has_summary CHECK (state NOT IN ('SUCCEEDED', 'AWAITING_RELEASE', 'RELEASED')
        OR summary IS NOT NULL)
);
CREATE INDEX sandbox_job_organization_idx ON sandbox_job (organization, created_at);
CREATE INDEX sandbox_job_state_idx ON sandbox_job (state, created_at);
-- The ε and call quota a license has used in a month, and the same statement asked again.
CREATE INDEX sandbox_job_license_idx ON sandbox_job (license_id, created_at);
CREATE INDEX sandbox_job_repeat_idx ON sandbox_job (license_id, sql_sha256, created_at);

-- Registration per 公共数据资源登记管理暂行办法: formal review accepts a submission into publicity (公示), a window in
-- which anyone signed in may object (异议); later registrations change, correct or cancel a registered version and
-- link to it; each registration carries its certificate (the canonical facts and the platform's signature over them).
ALTER TABLE dataset DROP CONSTRAINT dataset_status_check;
ALTER TABLE dataset
    ADD CONSTRAINT dataset_status_check
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLICITY', 'REGISTERED', 'SUPERSEDED', 'CANCELLED')),
    ADD COLUMN registration_type     varchar(16) NOT NULL DEFAULT 'INITIAL'
        CHECK (registration_type IN ('INITIAL', 'CHANGE', 'CORRECTION', 'CANCELLATION')),
    ADD COLUMN amends                uuid REFERENCES dataset (id),
    ADD COLUMN amendment_reason      text,
    ADD COLUMN accepted_by           varchar(100),
    ADD COLUMN publicity_started_at  timestamptz,
    ADD COLUMN publicity_ends_at     timestamptz,
    ADD COLUMN certificate           text, -- the canonical JSON signed, byte for byte
    ADD COLUMN certificate_signature text,
    ADD CONSTRAINT dataset_amendment_links CHECK ((registration_type = 'INITIAL') = (amends IS NULL)),
    ADD CONSTRAINT dataset_publicity_window CHECK (status <> 'PUBLICITY'
        OR (publicity_started_at IS NOT NULL AND publicity_ends_at IS NOT NULL));
CREATE INDEX dataset_in_publicity ON dataset (publicity_ends_at) WHERE status = 'PUBLICITY';

-- One objection per person and registration; an upheld objection is proposed by one reviewer and confirmed by another.
CREATE TABLE registration_objection (
    id           uuid         PRIMARY KEY,
    dataset_id   uuid         NOT NULL REFERENCES dataset (id),
    status       varchar(16)  NOT NULL CHECK (status IN ('OPEN', 'UPHOLD_PROPOSED', 'UPHELD', 'DISMISSED')),
    reasons      text         NOT NULL,
    lodged_by    varchar(100) NOT NULL,
    organization varchar(18),
    proposed_by  varchar(100),
    answer       text,
    answered_by  varchar(100),
    answered_at  timestamptz,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL DEFAULT 0,
    CONSTRAINT registration_objection_once UNIQUE (dataset_id, lodged_by)
);
CREATE INDEX registration_objection_pending ON registration_objection (dataset_id) WHERE status IN ('OPEN', 'UPHOLD_PROPOSED');

-- The departments that hold public data (数源单位), with the unified social credit code a certificate names.
CREATE TABLE department (
    code        varchar(64)  PRIMARY KEY,
    name_zh     varchar(200) NOT NULL,
    credit_code varchar(18)  NOT NULL UNIQUE
);
INSERT INTO department (code, name_zh, credit_code) VALUES
    ('dept-market', '福州市市场监督管理局', '113501000035910019'),
    ('dept-transport', '福州市交通运输局', '11350100003591002C'),
    ('dept-ecology', '福州市生态环境局', '11350100003591003F'),
    ('dept-healthcare', '福州市医疗保障局', '11350100MB1C900046'),
    ('dept-natural-resources', '福州市自然资源和规划局', '11350100003591005M'),
    ('dept-energy', '福州市发展和改革委员会', '11350100003591006Q');

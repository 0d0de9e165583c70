-- Licenses (授权): an operator organization's application for a product, the policy's decision,
-- the reviews, and the contract (授权运营协议) with the SHA-256 of its canonical text.
CREATE TABLE license (
    id                 uuid PRIMARY KEY,
    organization       varchar(18)  NOT NULL,
    product_id         uuid         NOT NULL REFERENCES product (id),
    dataset_id         uuid         NOT NULL REFERENCES dataset (id),
    applicant          varchar(100) NOT NULL,
    purpose_category   varchar(32)  NOT NULL,
    purpose_text       varchar(2000) NOT NULL,
    columns            jsonb        NOT NULL,
    mode               varchar(16)  NOT NULL,
    term_start         date         NOT NULL,
    term_end           date         NOT NULL CHECK (term_end >= term_start),
    expected_volume    bigint,
    state              varchar(16)  NOT NULL
        CHECK (state IN ('APPLIED', 'IN_REVIEW', 'APPROVED', 'DENIED', 'REJECTED', 'ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
    decision_outcome   varchar(16),
    decision_reasons   jsonb        NOT NULL DEFAULT '{"reasons": []}'::jsonb,
    decision_id        varchar(64),
    reviewers_required integer      NOT NULL DEFAULT 1,
    approved_by        jsonb        NOT NULL DEFAULT '{"reviewers": []}'::jsonb,
    rejected_by        varchar(100),
    reject_reason      varchar(1000),
    contract_text      text,
    contract_sha256    char(64),
    accepted_by        varchar(100),
    accepted_at        timestamptz,
    decided_at         timestamptz,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT license_active_has_contract CHECK (state NOT IN ('APPROVED', 'ACTIVE', 'SUSPENDED')
        OR contract_sha256 IS NOT NULL)
);
CREATE INDEX license_organization_idx ON license (organization, created_at);
CREATE INDEX license_state_idx ON license (state, created_at);

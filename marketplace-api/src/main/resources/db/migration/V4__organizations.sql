-- Operator organizations (授权运营主体). The key is the 统一社会信用代码: it is what tokens carry
-- as org_id, so every query scoped to an organization compares with it.
CREATE TABLE organization (
    uscc                 varchar(18)  PRIMARY KEY CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    name                 varchar(200) NOT NULL UNIQUE,
    legal_representative varchar(100) NOT NULL,
    contact_name         varchar(100) NOT NULL,
    contact_phone        varchar(30)  NOT NULL,
    contact_email        varchar(200) NOT NULL,
    status               varchar(16)  NOT NULL DEFAULT 'UNVERIFIED'
        CHECK (status IN ('UNVERIFIED', 'VERIFIED', 'SUSPENDED')),
    registered_by        varchar(100),
    verified_by          varchar(100),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    version              bigint       NOT NULL DEFAULT 0
);

-- 政务服务"好差评" (国办发〔2019〕51号): the person served rates a service event on five levels, once per person and
-- event; a poor rating or a complaint opens a case the bureau answers in writing within a number of working days.
CREATE TABLE satisfaction_case (
    id            uuid          PRIMARY KEY,
    origin        varchar(16)   NOT NULL CHECK (origin IN ('RATING', 'COMPLAINT')),
    event_kind    varchar(32)   NOT NULL CHECK (event_kind IN ('LICENSE_DECISION', 'RESULT_RELEASE', 'REGISTRATION')),
    event_id      uuid          NOT NULL,
    level         varchar(32)   CHECK (level IN ('DISSATISFIED', 'VERY_DISSATISFIED')),
    text          varchar(2000),
    opened_by     varchar(100)  NOT NULL,
    organization  varchar(18),
    department    varchar(64),
    answer_due    date          NOT NULL,
    overdue_after timestamptz   NOT NULL, -- the start of the day after answer_due in the bureau's time zone
    status        varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
    answer        varchar(2000),
    answered_by   varchar(100),
    answered_at   timestamptz,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL DEFAULT 0,
    CONSTRAINT satisfaction_case_level_of_rating CHECK ((origin = 'RATING') = (level IS NOT NULL)),
    CONSTRAINT satisfaction_case_complaint_text CHECK (origin = 'RATING' OR text IS NOT NULL),
    CONSTRAINT satisfaction_case_answer_whole CHECK ((status = 'ANSWERED') = (answered_at IS NOT NULL AND answer IS NOT NULL))
);
CREATE INDEX satisfaction_case_newest ON satisfaction_case (created_at DESC, id);
CREATE INDEX satisfaction_case_opener ON satisfaction_case (opened_by, created_at DESC);
CREATE INDEX satisfaction_case_open ON satisfaction_case (overdue_after) WHERE status = 'OPEN';

CREATE TABLE rating (
    id           uuid          PRIMARY KEY,
    event_kind   varchar(32)   NOT NULL CHECK (event_kind IN ('LICENSE_DECISION', 'RESULT_RELEASE', 'REGISTRATION')),
    event_id     uuid          NOT NULL,
    level        varchar(32)   NOT NULL
        CHECK (level IN ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED')),
    comment      varchar(1000),
    rated_by     varchar(100)  NOT NULL,
    organization varchar(18),
    department   varchar(64),
    case_id      uuid          REFERENCES satisfaction_case (id),
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    CONSTRAINT rating_once UNIQUE (event_kind, event_id, rated_by),
    CONSTRAINT rating_poor_opens_case CHECK ((level IN ('DISSATISFIED', 'VERY_DISSATISFIED')) = (case_id IS NOT NULL))
);
CREATE INDEX rating_newest ON rating (created_at DESC, id);
CREATE INDEX rating_author ON rating (rated_by, created_at DESC);

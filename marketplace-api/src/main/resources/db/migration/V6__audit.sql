-- Audit (审计): append-only, hash-chained events. Each event's hash covers the previous hash and
-- its own canonical text, so that changing or removing any event breaks every hash after it.
CREATE TABLE audit_event (
    seq           bigserial    PRIMARY KEY,
    at            timestamptz  NOT NULL,
    actor         varchar(100) NOT NULL,
    action        varchar(64)  NOT NULL,
    resource_type varchar(32)  NOT NULL,
    resource_id   varchar(64)  NOT NULL,
    organization  varchar(18),
    decision_id   varchar(64),
    detail        text         NOT NULL,
    prev_hash     char(64)     NOT NULL,
    hash          char(64)     NOT NULL UNIQUE
);
CREATE INDEX audit_event_resource_idx ON audit_event (resource_type, resource_id);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

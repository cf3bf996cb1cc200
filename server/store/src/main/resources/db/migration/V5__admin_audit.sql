-- The admin API's audit trail: one row per state-changing request (and per refused attempt at one), written
-- besides the org.fairdial.audit log line. Numbered 5 so migrations 2-4 stay free for work on other branches.
-- Same dialect rules as V1 (runs on PostgreSQL and on H2 in PostgreSQL mode).

CREATE TABLE admin_audit (
    id          UUID                        NOT NULL,
    occurred_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    -- Token name from dialer.admin.tokens, or '-' when no valid token was given.
    actor       VARCHAR                     NOT NULL,
    role        VARCHAR(32),
    -- HTTP method and path, e.g. 'POST /api/campaigns/spring/pause'.
    action      VARCHAR                     NOT NULL,
    -- HTTP status of the answer: 2xx done, 4xx refused, 5xx failed or not available.
    status      INTEGER                     NOT NULL,
    remote      VARCHAR,
    -- Request details worth keeping (reason codes, the number added to do-not-call), never a token.
    detail      VARCHAR,
    CONSTRAINT admin_audit_pk PRIMARY KEY (id)
);

CREATE INDEX admin_audit_at_idx ON admin_audit (occurred_at);

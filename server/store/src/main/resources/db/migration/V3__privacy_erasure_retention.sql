-- Schema v3 of the fairdial store: erasure and retention of call-level personal data (docs/cdr.md, "Privacy").
-- Version 2 is left to the compliance-denial events. Same dialect rules as V1: one script for PostgreSQL and H2.

-- When the callee's number, lead id, To URI and SIP Call-ID of a leg were blanked (retention or an erasure);
-- null while the row still holds them.
ALTER TABLE cdr_leg ADD COLUMN anonymized_at TIMESTAMP(3) WITH TIME ZONE;

-- One row per `dialer privacy erase`. The number itself is not kept: only its keyed one-way hash (HMAC-SHA256,
-- docs/cdr.md), which proves what was erased, lets the CDR writer erase a record of that number that was still
-- on its way to the database (journal replay after an outage), and feeds the do-not-call list when the person
-- opted out.
CREATE TABLE privacy_erasure (
    erasure_id          UUID                        NOT NULL,
    number_hash         VARCHAR(64)                 NOT NULL,
    erased_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    opted_out           BOOLEAN                     NOT NULL,
    requested_by        VARCHAR                     NOT NULL,
    reason              VARCHAR,
    cdr_legs_anonymized BIGINT,
    lead_states_deleted BIGINT,
    lockouts_deleted    BIGINT,
    journal             VARCHAR,
    completed_at        TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT privacy_erasure_pk PRIMARY KEY (erasure_id)
);
CREATE INDEX privacy_erasure_hash_idx ON privacy_erasure (number_hash);
-- The CDR writer asks, after each batch, for erasures newer than the batch's oldest leg.
CREATE INDEX privacy_erasure_at_idx ON privacy_erasure (erased_at);

-- Settings the store generates itself; today only the number-hash key when dialer.privacy.hash-key is empty.
CREATE TABLE privacy_setting (
    setting_name  VARCHAR                     NOT NULL,
    setting_value VARCHAR                     NOT NULL,
    created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT privacy_setting_pk PRIMARY KEY (setting_name)
);

-- Retention deletes lead states by their last attempt.
CREATE INDEX lead_state_last_attempt_idx ON lead_state (last_attempt_at);

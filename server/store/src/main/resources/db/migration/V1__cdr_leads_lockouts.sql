-- Schema v1 of the fairdial store. The same script runs on PostgreSQL and on H2 in MODE=PostgreSQL with
-- DATABASE_TO_LOWER=TRUE, so it sticks to types and statements both accept (no SERIAL, no partial indexes).
--
-- Timestamps are TIMESTAMP(3) WITH TIME ZONE, always written as UTC instants truncated to milliseconds. We chose
-- it over BIGINT epoch millis so operators can read and report on the tables with plain SQL (date_trunc, ranges
-- against now()) without converting, and JDBC 4.2 binds java.time.OffsetDateTime on both databases.
-- Text columns are unbounded VARCHAR on purpose: a value that is too long must never make a CDR batch
-- permanently unwritable (the writer retries failed batches and never drops rows). Enum columns hold the Java
-- enum constant's name.

CREATE TABLE cdr_leg (
    leg_id               UUID                        NOT NULL,
    call_id              UUID                        NOT NULL,
    kind                 VARCHAR(32)                 NOT NULL,
    campaign             VARCHAR                     NOT NULL,
    lead_id              VARCHAR,
    dialed_number        VARCHAR,
    normalized_number    VARCHAR,
    from_uri             VARCHAR,
    to_uri               VARCHAR,
    caller_id            VARCHAR,
    trunk                VARCHAR,
    agent                VARCHAR,
    sip_call_id          VARCHAR,
    created_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    ringing_at           TIMESTAMP(3) WITH TIME ZONE,
    answered_at          TIMESTAMP(3) WITH TIME ZONE,
    bridged_at           TIMESTAMP(3) WITH TIME ZONE,
    ended_at             TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    post_dial_delay_ms   BIGINT,
    early_media          BOOLEAN                     NOT NULL,
    ring_ms              BIGINT                      NOT NULL,
    talk_ms              BIGINT                      NOT NULL,
    disposition          VARCHAR(32)                 NOT NULL,
    sip_code             INTEGER,
    sip_reason           VARCHAR,
    q850_cause           INTEGER,
    hangup_side          VARCHAR(32)                 NOT NULL,
    abandon_treatment    BOOLEAN                     NOT NULL,
    abandon_treatment_ms BIGINT                      NOT NULL,
    rtp_sent             BIGINT                      NOT NULL,
    rtp_received         BIGINT                      NOT NULL,
    rtp_lost             BIGINT                      NOT NULL,
    CONSTRAINT cdr_leg_pk PRIMARY KEY (leg_id)
);

-- Campaign statistics (answered / abandoned since a time), one call's legs, and a number's history.
CREATE INDEX cdr_leg_campaign_created_idx ON cdr_leg (campaign, created_at);
CREATE INDEX cdr_leg_call_idx ON cdr_leg (call_id);
CREATE INDEX cdr_leg_number_idx ON cdr_leg (normalized_number);
-- "Most recent legs" across campaigns (admin surface) would otherwise sort the whole table.
CREATE INDEX cdr_leg_created_idx ON cdr_leg (created_at);

CREATE TABLE lead_state (
    campaign         VARCHAR                     NOT NULL,
    lead_id          VARCHAR                     NOT NULL,
    number           VARCHAR                     NOT NULL,
    attempts         INTEGER                     NOT NULL,
    last_disposition VARCHAR(32),
    last_attempt_at  TIMESTAMP(3) WITH TIME ZONE,
    next_eligible_at TIMESTAMP(3) WITH TIME ZONE,
    done             BOOLEAN                     NOT NULL,
    CONSTRAINT lead_state_pk PRIMARY KEY (campaign, lead_id)
);

-- One row per (number, campaign): several campaigns may lock the same number, and the lockout in force is the
-- latest locked_until across them. The primary key leads with number, so it also serves lookups by number.
CREATE TABLE number_lockout (
    number       VARCHAR                     NOT NULL,
    campaign     VARCHAR                     NOT NULL,
    locked_until TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    reason       VARCHAR                     NOT NULL,
    created_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT number_lockout_pk PRIMARY KEY (number, campaign)
);

-- Purging expired lockouts.
CREATE INDEX number_lockout_until_idx ON number_lockout (locked_until);

-- Schema v2: what the dialing rules need to remember across restarts and campaigns. Same dialect rules as V1:
-- one script for PostgreSQL and H2 in MODE=PostgreSQL, TIMESTAMP(3) WITH TIME ZONE in UTC, unbounded VARCHAR.

-- Every decision not to dial, with the rule that denied it, for the compliance report.
CREATE TABLE dial_denial (
    denial_id  UUID                        NOT NULL,
    campaign   VARCHAR                     NOT NULL,
    lead_id    VARCHAR,
    number     VARCHAR                     NOT NULL,
    rule       VARCHAR(32)                 NOT NULL,
    reason     VARCHAR                     NOT NULL,
    retry_at   TIMESTAMP(3) WITH TIME ZONE,
    at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT dial_denial_pk PRIMARY KEY (denial_id)
);
CREATE INDEX dial_denial_campaign_at_idx ON dial_denial (campaign, at);
CREATE INDEX dial_denial_number_idx ON dial_denial (number);

-- Every call placed, written before the INVITE leaves: the per-number frequency cap counts these across campaigns.
CREATE TABLE dial_attempt (
    attempt_id UUID                        NOT NULL,
    number     VARCHAR                     NOT NULL,
    campaign   VARCHAR                     NOT NULL,
    lead_id    VARCHAR,
    agent_reserved BOOLEAN                 NOT NULL,
    at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT dial_attempt_pk PRIMARY KEY (attempt_id)
);
CREATE INDEX dial_attempt_number_at_idx ON dial_attempt (number, at);
CREATE INDEX dial_attempt_at_idx ON dial_attempt (at);

-- Per number, across campaigns: the latest abandoned call and the latest call an agent took. The redial lockout
-- rules of each campaign's profile are applied to these at dial time. Never purged by lockout expiry: the Garante
-- rule needs an agent for the first call after the lockout, however late it comes.
CREATE TABLE number_abandon (
    number          VARCHAR                     NOT NULL,
    last_abandon_at TIMESTAMP(3) WITH TIME ZONE,
    last_contact_at TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT number_abandon_pk PRIMARY KEY (number)
);

-- The internal do-not-call list (scope '*') and per-campaign entries (scope = campaign name): added by the API, the
-- US opt-out keypress, or an agent's disposition.
CREATE TABLE do_not_call (
    number   VARCHAR                     NOT NULL,
    scope    VARCHAR                     NOT NULL,
    source   VARCHAR(32)                 NOT NULL,
    note     VARCHAR,
    added_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT do_not_call_pk PRIMARY KEY (number, scope)
);

-- Imported leads, so a campaign of a million leads is paged from the store instead of held in memory. One row per
-- (campaign, number); a later row of the same number only fills columns the first left empty.
-- fields: the list's other columns as application/x-www-form-urlencoded name=value pairs, in column order.
CREATE TABLE campaign_lead (
    campaign       VARCHAR                     NOT NULL,
    lead_id        VARCHAR                     NOT NULL,
    number         VARCHAR                     NOT NULL,
    raw_number     VARCHAR                     NOT NULL,
    line           INTEGER                     NOT NULL,
    name           VARCHAR,
    time_zone      VARCHAR,
    consent_source VARCHAR,
    consent_at     TIMESTAMP(3) WITH TIME ZONE,
    fields         VARCHAR,
    CONSTRAINT campaign_lead_pk PRIMARY KEY (campaign, lead_id)
);

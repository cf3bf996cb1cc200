-- Agents' SIP registrations (RFC 3261 10.3), kept so that a dialer restarted after a crash knows where its agents'
-- phones are without waiting for each phone's next REGISTER: one row per agent (the registrar keeps one contact
-- per agent), replaced on every refresh, deleted on unregister or expiry; rows whose expiry has passed when the
-- dialer starts are deleted, not restored. Same dialect rules as V1 (runs on PostgreSQL and on H2 in PostgreSQL
-- mode).

CREATE TABLE agent_registration (
    agent_id    VARCHAR                     NOT NULL,
    -- The Contact URI of the REGISTER: where the dialer sends the agent's INVITEs.
    contact_uri VARCHAR                     NOT NULL,
    -- Where the REGISTER came from (packet source) and over which transport ('udp', 'tcp').
    source_host VARCHAR,
    source_port INTEGER,
    transport   VARCHAR(8)                  NOT NULL,
    expires_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    -- Call-ID and CSeq of the REGISTER that made the binding (RFC 3261 10.3 step 7 orders refreshes by them).
    call_id     VARCHAR,
    cseq        BIGINT,
    CONSTRAINT agent_registration_pk PRIMARY KEY (agent_id)
);

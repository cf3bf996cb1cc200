-- Schema v4 of the fairdial store: compliance reports, kept per campaign, formula and regulatory window so their
-- history outlives the retention of call-level data (docs/cdr.md, "Compliance reports").
--
-- A window is stored when a report is run (CLI or the server's hourly retention pass). A closed window (ended
-- more than an hour ago) is final: it is never recomputed, so purging its legs later changes nothing. An open one
-- is replaced each time. Rates are fractions (0.03 = 3 %); durations milliseconds. Cumulative windows (it-garante)
-- all start at the campaign's first midnight, hence the end in the key.
CREATE TABLE compliance_report (
    campaign           VARCHAR                     NOT NULL,
    formula            VARCHAR(32)                 NOT NULL,
    window_start       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    window_end         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    time_zone          VARCHAR                     NOT NULL,
    answered_live      BIGINT                      NOT NULL,
    abandoned          BIGINT                      NOT NULL,
    abandon_rate       DOUBLE PRECISION            NOT NULL,
    rate_cap           DOUBLE PRECISION            NOT NULL,
    worst_abandon_ms   BIGINT,
    abandon_cap_ms     BIGINT                      NOT NULL,
    redials_in_lockout BIGINT                      NOT NULL,
    compliant          BOOLEAN                     NOT NULL,
    closed             BOOLEAN                     NOT NULL,
    computed_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT compliance_report_pk PRIMARY KEY (campaign, formula, window_start, window_end)
);

-- Schema v8 of the fairdial store: one definition of the regulatory windows (docs/compliance.md, "Windows").
--
-- campaign_epoch keeps the instant a campaign's windows count from (midnight UTC of the day of its first call or
-- first run), taken once by whichever comes first (the dialer starting the campaign, or a compliance report) and
-- never changed, so the US 30-day periods and the Italian campaign window survive restarts and the purge of call
-- data. Calls count in the window that holds their answer time, hence the index on (campaign, answered_at).
CREATE TABLE campaign_epoch (
    campaign    VARCHAR                     NOT NULL,
    epoch       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT campaign_epoch_pk PRIMARY KEY (campaign)
);

CREATE INDEX cdr_leg_campaign_answered_idx ON cdr_leg (campaign, answered_at);

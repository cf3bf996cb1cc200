-- Issue 12: call recordings (docs/security.md, "Call recordings"). One row per recorded call, beside the
-- customer's CDR leg (leg_id): the CDR's recording reference is recording_id, which is also the file name in
-- dialer.store.recordings-directory (random, never the number). number_index holds what cdr_leg.number_index
-- holds (the number, or its blind index with encryption at rest on), so `privacy erase` finds a number's
-- recordings; started_at drives retention (privacy.retention.call-data). key_id names the data key the file is
-- sealed with, NULL for a plain WAV (encryption at rest off). announcement_played: the consent announcement played
-- before the bridge (recording = on-with-consent). Same dialect rules as V1 (PostgreSQL and H2 in PostgreSQL mode).
CREATE TABLE call_recording (
    recording_id        VARCHAR(64)                 NOT NULL,
    leg_id              UUID                        NOT NULL,
    call_id             UUID                        NOT NULL,
    campaign            VARCHAR                     NOT NULL,
    number_index        VARCHAR,
    started_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    key_id              VARCHAR,
    announcement_played BOOLEAN                     NOT NULL,
    CONSTRAINT call_recording_pk PRIMARY KEY (recording_id)
);
CREATE INDEX call_recording_number_idx ON call_recording (number_index);
CREATE INDEX call_recording_started_idx ON call_recording (started_at);
CREATE INDEX call_recording_leg_idx ON call_recording (leg_id);

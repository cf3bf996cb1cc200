-- Issue 10: personal data encrypted at rest (docs/security.md, "Personal data at rest"). With
-- dialer.privacy.encryption on, a number column and a lead id column hold the number's blind index (HMAC-SHA256
-- under the index key, 'ix1:...') instead of the number, so lookups, joins and primary keys work unchanged, and
-- the number itself is kept encrypted (AES-256-GCM envelope 'enc1:<key id>:...') in the *_enc column beside it.
-- Columns only read back, never looked up (cdr_leg numbers and URIs, lead names and fields) hold the envelope in
-- place. With encryption off the index is the number itself and the *_enc columns stay NULL, so one SQL path
-- serves both. Numbered 30 to stay clear of the migrations other branches add; Flyway accepts the gap. Same
-- dialect rules as V1 (runs on PostgreSQL and on H2 in PostgreSQL mode).

-- The callee's number as CDR queries, the redial report and erasures look it up: the blind index of
-- normalized_number (the number itself while encryption is off, hence the backfill).
ALTER TABLE cdr_leg ADD COLUMN number_index VARCHAR;
UPDATE cdr_leg SET number_index = normalized_number;
CREATE INDEX cdr_leg_number_index_idx ON cdr_leg (number_index);
DROP INDEX cdr_leg_number_idx;

ALTER TABLE lead_state ADD COLUMN number_enc VARCHAR;
ALTER TABLE lead_state ADD COLUMN lead_id_enc VARCHAR;
ALTER TABLE campaign_lead ADD COLUMN number_enc VARCHAR;
ALTER TABLE campaign_lead ADD COLUMN lead_id_enc VARCHAR;
ALTER TABLE dial_denial ADD COLUMN number_enc VARCHAR;
ALTER TABLE do_not_call ADD COLUMN number_enc VARCHAR;

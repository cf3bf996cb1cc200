-- Schema v8: an erasure no longer deletes a do-not-call entry of the number; it keeps the entry as the number's
-- keyed hash (do_not_call.number = 'hash:' || HMAC), so a request not to be called outlives the erasure. The audit
-- row counts the entries so kept. Same dialect rules as V1 (runs on PostgreSQL and on H2 in PostgreSQL mode).
ALTER TABLE privacy_erasure ADD COLUMN do_not_call_hashed BIGINT;

-- An erasure deletes a number's imported leads across campaigns; without this it reads every campaign's list.
CREATE INDEX campaign_lead_number_idx ON campaign_lead (number);

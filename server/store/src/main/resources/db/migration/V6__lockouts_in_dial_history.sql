-- Redial lockouts now come from the abandon history of each number (number_abandon, v2), which the dialing rules
-- read across campaigns together with the profile's lockout; the per-campaign number_lockout table of v1 is no
-- longer written or read. An erasure counts the dialing-history rows it deleted (attempts, abandons, denials,
-- do-not-call entries).
DROP TABLE number_lockout;
ALTER TABLE privacy_erasure RENAME COLUMN lockouts_deleted TO history_deleted;

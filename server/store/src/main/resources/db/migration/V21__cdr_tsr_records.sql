-- The records the Telemarketing Sales Rule asks for each call (16 CFR 310.5(a)(2) as amended in 2024) that the
-- customer leg did not hold yet: the caller-ID name transmitted, the prerecorded message played (by name), and
-- the consent the call relied on (source and time, as imported with the lead). Campaign, calling number
-- (caller_id) and disposition were already there. Nullable: legs written before this version have none, agent
-- legs never do. Same dialect rules as V1 (runs on PostgreSQL and on H2 in PostgreSQL mode). Numbered 21 to stay
-- clear of migrations other branches add; Flyway accepts the gap.
ALTER TABLE cdr_leg ADD COLUMN caller_id_name VARCHAR;
ALTER TABLE cdr_leg ADD COLUMN prompt_name VARCHAR;
ALTER TABLE cdr_leg ADD COLUMN consent_source VARCHAR;
ALTER TABLE cdr_leg ADD COLUMN consent_at TIMESTAMP(3) WITH TIME ZONE;

-- Issue 9: the code an agent ends wrap-up with (SALE, CALLBACK, DNC...), on the call's CDR legs and the lead;
-- no_consent bars the lead from campaigns needing consent. V20 leaves room for other branches' migrations.
ALTER TABLE cdr_leg ADD COLUMN agent_disposition VARCHAR(32);
ALTER TABLE lead_state ADD COLUMN agent_disposition VARCHAR(32);
ALTER TABLE lead_state ADD COLUMN no_consent BOOLEAN DEFAULT FALSE NOT NULL;

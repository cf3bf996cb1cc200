-- Issue 9: answering machines agents reported (cdr_leg.agent_disposition = 'ANSWERING_MACHINE') per window, the
-- figure Ofcom's formula deducts from the abandoned calls; kept so a closed window shows the estimate it used.
ALTER TABLE compliance_report ADD COLUMN machines BIGINT DEFAULT 0 NOT NULL;

-- 0007: indexes for the werklijst and the quarterly figures over tens of thousands of cases.
CREATE INDEX agreements_open_due ON agreements(due_date) WHERE status = 'OPEN';
CREATE INDEX agreements_due ON agreements(due_date);
CREATE INDEX decisions_disagreed ON decisions(agenda_item_id) WHERE chair_disagrees = 1;
CREATE INDEX decisions_decided ON decisions(decided_on);
CREATE INDEX case_leads_open ON case_leads(case_id) WHERE ended_on IS NULL;
CREATE INDEX referrals_date ON referrals(date);
CREATE INDEX cases_status_table ON cases(status, table_id);

-- Leave, swap and rest-day requests (issue 6): what 001's requests table needs to route approvals, and the
-- rows that make the manual's limits hold under concurrency (L7, L8, L9, R5, R6).

ALTER TABLE requests ADD COLUMN team_id text;
-- the other agent of a peer swap (R6); they see the request and it counts against their quota too
ALTER TABLE requests ADD COLUMN peer_agent_id text;
ALTER TABLE requests ADD COLUMN date_from date;
ALTER TABLE requests ADD COLUMN date_to date;
-- approvals still due, first = next: [{ "role": "lead", "agent": "a017", "rule": "L1" }, …]
ALTER TABLE requests ADD COLUMN route jsonb NOT NULL DEFAULT '[]';
-- the rule that decided the current status (routing, escalation, auto-approval)
ALTER TABLE requests ADD COLUMN rule text;
-- swaps and rest-day moves: the rulebook's verdict and the coverage change; leave: the checks' numbers
ALTER TABLE requests ADD COLUMN impact jsonb NOT NULL DEFAULT '{}';
-- after approval: roster versions written, cover suggestions
ALTER TABLE requests ADD COLUMN result jsonb NOT NULL DEFAULT '{}';
-- L6: sick leave papers are due on return; received_at stays null until a lead/supervisor records them
ALTER TABLE requests ADD COLUMN papers_due date;
ALTER TABLE requests ADD COLUMN papers_received_at timestamptz;
ALTER TABLE requests ADD CONSTRAINT requests_dates CHECK (date_to IS NULL OR date_from <= date_to);
CREATE INDEX requests_agent ON requests (center_id, agent_id, date_from);
CREATE INDEX requests_peer ON requests (center_id, peer_agent_id) WHERE peer_agent_id IS NOT NULL;

-- One row per day of approved leave. The supervisor and team are those at approval (L7 counts per duty
-- supervisor, L9 per team); `long` marks leave of longLeaveMinDays or more (L8). A person cannot be on two
-- approved leaves on one day.
CREATE TABLE leave_days (
  request_id bigint NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  agent_id text NOT NULL,
  day date NOT NULL,
  team_id text,
  supervisor_id text,
  type text NOT NULL,
  long boolean NOT NULL,
  -- the person was rostered that day (the assignment was removed from the roster by the approval)
  was_rostered boolean NOT NULL DEFAULT false,
  PRIMARY KEY (request_id, day),
  UNIQUE (center_id, agent_id, day)
);
CREATE INDEX leave_days_supervisor ON leave_days (center_id, supervisor_id, day);
CREATE INDEX leave_days_team ON leave_days (center_id, team_id, day);
CREATE INDEX leave_days_long ON leave_days (center_id, day) WHERE long;

-- Decision locks: one row per thing a limit is counted over ("supervisor-day:s01:2026-12-05",
-- "center-day:2026-12-05", "team-month:csr-1:2026-12", "agent-month:a001:2026-12", "roster-month:2026-12").
-- A decision locks its rows with SELECT … FOR UPDATE, in key order, before it counts: two approvals of the
-- same day under one supervisor run one after the other, so the second one sees the first one's leave.
CREATE TABLE request_locks (
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  lock_key text NOT NULL,
  PRIMARY KEY (center_id, lock_key)
);

-- R5/R6 quota slots: a request holds slot 1..quota of its agent's month for its kind while pending or
-- approved (released when rejected or cancelled). The unique key makes a second holder of a slot impossible
-- even if the counting code were wrong.
CREATE TABLE request_quota_slots (
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  agent_id text NOT NULL,
  month text NOT NULL CHECK (month ~ '^\d{4}-\d{2}$'),
  kind text NOT NULL CHECK (kind IN ('swap-self', 'swap-peer', 'rest-day')),
  slot integer NOT NULL CHECK (slot >= 1),
  request_id bigint NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  PRIMARY KEY (center_id, agent_id, month, kind, slot),
  UNIQUE (request_id, agent_id)
);

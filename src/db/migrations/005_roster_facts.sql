-- What happened or was agreed on a month's roster after it was solved: accepted overtime, approved leave, swaps,
-- rest-day moves, floating re-placements. Each fact pins one person's day: every later version of the month
-- carries it (a replan keeps that day as it is), and publishing a version that drops one needs the deputy's
-- confirmation. origin_id is the fact's first id, the same in every version it is carried to.
CREATE TABLE roster_facts (
  id bigserial PRIMARY KEY,
  roster_id bigint NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
  origin_id bigint NOT NULL,
  agent_id text NOT NULL,
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('overtime', 'leave', 'leave-cancel', 'swap', 'rest-day', 'shift-move', 'floating')),
  ref jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (roster_id, origin_id)
);
CREATE INDEX roster_facts_day ON roster_facts (roster_id, agent_id, day);

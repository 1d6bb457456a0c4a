-- The phone system's agent-state feed (RP4, schedule adherence): from `at` on, the agent is on the phones, on a
-- break, at a meal, in other work (aux: training, a meeting, coaching) or logged off. One state per agent and
-- instant (a resent change replaces it).
CREATE TABLE agent_states (
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  agent_id text NOT NULL,
  at timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('phone', 'break', 'meal', 'aux', 'off')),
  recorded_by bigint REFERENCES users(id),
  PRIMARY KEY (center_id, agent_id, at)
);

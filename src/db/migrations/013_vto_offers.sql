-- Voluntary time off (issue 26): when the reforecast has more agents on a queue than it needs for an hour or
-- more, a supervisor offers that time off to the agents on shift across it, ranked and rule-checked like an
-- overtime callout. An accepted offer shortens (or removes) the agent's shift in a new roster version and is
-- the attendance record of those minutes (approved, not early leave or lateness).
CREATE TABLE vto_offers (
  id bigserial PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  queue_id text NOT NULL,
  from_at timestamptz NOT NULL,
  to_at timestamptz NOT NULL CHECK (to_at > from_at),
  -- agents who may go (at most the reforecast's surplus across the window)
  wanted integer NOT NULL CHECK (wanted > 0),
  -- "open" until enough accepted (filled) or a supervisor closes it; an open offer expires at from_at
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
  candidates jsonb NOT NULL DEFAULT '[]',
  detail jsonb NOT NULL DEFAULT '{}',
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vto_offers_center ON vto_offers (center_id, from_at);

CREATE TABLE vto_responses (
  offer_id bigint NOT NULL REFERENCES vto_offers(id) ON DELETE CASCADE,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  agent_id text NOT NULL,
  accept boolean NOT NULL,
  -- accepted: the roster day of the shift cut, the time off, and the roster version the acceptance wrote
  day date,
  off_from timestamptz,
  off_to timestamptz,
  whole_shift boolean NOT NULL DEFAULT false,
  roster_id bigint REFERENCES rosters(id) ON DELETE SET NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (offer_id, agent_id),
  CHECK (NOT accept OR (day IS NOT NULL AND off_from IS NOT NULL AND off_to > off_from))
);
CREATE INDEX vto_responses_accepted ON vto_responses (center_id, day) WHERE accept;

-- An accepted VTO pins the person's day in later versions, like the other roster facts.
ALTER TABLE roster_facts DROP CONSTRAINT IF EXISTS roster_facts_kind_check;
ALTER TABLE roster_facts ADD CONSTRAINT roster_facts_kind_check
  CHECK (kind IN ('overtime', 'leave', 'leave-cancel', 'swap', 'rest-day', 'shift-move', 'floating', 'vto'));

-- Intraday, overtime and attendance additions (issue 7).

-- Callouts: where they came from (a supervisor's intraday call O1, or a drafted overtime list O2 that a manager
-- publishes), the roster the accepted overtime goes into, and the method notes behind the ranking.
ALTER TABLE callouts ADD COLUMN kind text NOT NULL DEFAULT 'intraday' CHECK (kind IN ('intraday', 'planned'));
ALTER TABLE callouts ADD COLUMN roster_id bigint REFERENCES rosters(id) ON DELETE SET NULL;
ALTER TABLE callouts ADD COLUMN detail jsonb NOT NULL DEFAULT '{}';
ALTER TABLE callouts ADD COLUMN published_by bigint REFERENCES users(id);
ALTER TABLE callouts ADD COLUMN published_at timestamptz;
CREATE INDEX callouts_center ON callouts (center_id, from_at);

-- A5: a lead records that a person left their post without approval (the day counts as absence).
ALTER TABLE attendance_events DROP CONSTRAINT IF EXISTS attendance_events_kind_check;
ALTER TABLE attendance_events ADD CONSTRAINT attendance_events_kind_check
  CHECK (kind IN ('sign-in', 'sign-out', 'excuse', 'papers', 'left-post'));
CREATE INDEX attendance_events_center_day ON attendance_events (center_id, day);

-- O3: what each agent did per interval (from the phone system), to compare an overtime's metrics with the
-- center's average. Upsert per (agent, queue, interval), like traffic.
CREATE TABLE agent_metrics (
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  agent_id text NOT NULL,
  queue_id text NOT NULL,
  interval_start timestamptz NOT NULL,
  interval_minutes integer NOT NULL CHECK (interval_minutes > 0),
  -- calls handled (inbound) or made (outbound) in the interval
  handled integer NOT NULL CHECK (handled >= 0),
  -- seconds logged in on the queue (the denominator of calls per hour); default the whole interval
  logged_seconds integer CHECK (logged_seconds >= 0),
  -- outbound: successful calls (sales), for the success rate of T1
  successes integer CHECK (successes >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (center_id, agent_id, queue_id, interval_start)
);
CREATE INDEX agent_metrics_center_time ON agent_metrics (center_id, interval_start);

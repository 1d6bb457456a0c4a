-- ShiftCast schema, version 1. Times are timestamptz (instants); calendar days are date in the center's zone.

CREATE TABLE centers (
  id text PRIMARY KEY,
  name text NOT NULL,
  timezone text NOT NULL,
  interval_minutes integer NOT NULL,
  -- the validated center file (FORMATS "Center"), the source of truth for rules and templates
  definition jsonb NOT NULL,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queues (
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('inbound', 'outbound')),
  definition jsonb NOT NULL,
  PRIMARY KEY (center_id, id)
);

CREATE TABLE teams (
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  id text NOT NULL,
  queue_id text NOT NULL,
  lead_id text NOT NULL,
  supervisor_id text NOT NULL,
  PRIMARY KEY (center_id, id)
);

CREATE TABLE agents (
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL DEFAULT '',
  team_id text,
  role text NOT NULL CHECK (role IN ('agent', 'lead', 'supervisor', 'manager', 'director')),
  skills text[] NOT NULL DEFAULT '{}',
  tier text,
  definition jsonb NOT NULL,
  -- an agent removed from the center file stays (history, tokens) but is no longer active
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (center_id, id)
);

-- People who use the API. Agents, leads, supervisors, managers and the director are linked to their agent
-- record (their team scope comes from the center); deputies and analysts are center-wide roles.
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('admin', 'director', 'manager', 'deputy', 'supervisor', 'lead', 'analyst', 'agent')),
  center_id text REFERENCES centers(id) ON DELETE CASCADE,
  agent_id text,
  name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (center_id, agent_id) REFERENCES agents(center_id, id)
);

CREATE TABLE tokens (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- sha-256 of the token; the token itself is shown once and never stored
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_used_at timestamptz
);

-- Traffic per queue and interval: history and actuals alike (re-import upserts).
CREATE TABLE traffic (
  center_id text NOT NULL,
  queue_id text NOT NULL,
  interval_start timestamptz NOT NULL,
  interval_minutes integer NOT NULL,
  offered integer NOT NULL CHECK (offered >= 0),
  handled integer CHECK (handled >= 0),
  abandoned integer CHECK (abandoned >= 0),
  aht_seconds real CHECK (aht_seconds >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (center_id, queue_id, interval_start),
  -- a queue with traffic cannot be dropped from its center: history is never lost silently
  FOREIGN KEY (center_id, queue_id) REFERENCES queues(center_id, id)
);

-- Forecast snapshots: points never change after creation, so forecast-vs-actual stays reproducible.
CREATE TABLE forecasts (
  id bigserial PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  job_id text,
  params jsonb NOT NULL,
  report jsonb NOT NULL DEFAULT '{}',
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE forecast_points (
  forecast_id bigint NOT NULL REFERENCES forecasts(id) ON DELETE CASCADE,
  queue_id text NOT NULL,
  interval_start timestamptz NOT NULL,
  offered real NOT NULL,
  aht_seconds real NOT NULL,
  lower real NOT NULL,
  upper real NOT NULL,
  model text NOT NULL,
  PRIMARY KEY (forecast_id, queue_id, interval_start)
);

-- Requirement sets: agents needed on the phones per queue and interval, from a forecast or an upload.
CREATE TABLE requirement_sets (
  id bigserial PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  forecast_id bigint REFERENCES forecasts(id) ON DELETE SET NULL,
  source text NOT NULL CHECK (source IN ('forecast', 'upload')),
  range_from timestamptz NOT NULL,
  range_to timestamptz NOT NULL,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE requirement_points (
  set_id bigint NOT NULL REFERENCES requirement_sets(id) ON DELETE CASCADE,
  queue_id text NOT NULL,
  interval_start timestamptz NOT NULL,
  required real NOT NULL CHECK (required >= 0),
  PRIMARY KEY (set_id, queue_id, interval_start)
);

-- Rosters: versions per center and month; publishing pins the days.
CREATE TABLE rosters (
  id bigserial PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  month text NOT NULL CHECK (month ~ '^\d{4}-\d{2}$'),
  version integer NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'superseded')),
  job_id text UNIQUE,
  requirement_set_id bigint REFERENCES requirement_sets(id) ON DELETE SET NULL,
  parent_id bigint REFERENCES rosters(id) ON DELETE SET NULL,
  score jsonb NOT NULL DEFAULT '{}',
  violations jsonb NOT NULL DEFAULT '[]',
  coverage jsonb NOT NULL DEFAULT '[]',
  stats jsonb NOT NULL DEFAULT '{}',
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  published_by bigint REFERENCES users(id),
  UNIQUE (center_id, month, version)
);

CREATE TABLE roster_assignments (
  id bigserial PRIMARY KEY,
  roster_id bigint NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
  agent_id text NOT NULL,
  day date NOT NULL,
  shift text NOT NULL,
  queue_id text NOT NULL,
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL CHECK (end_at > start_at),
  report_at timestamptz,
  kind text NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'overtime')),
  UNIQUE (roster_id, agent_id, start_at)
);
CREATE INDEX roster_assignments_agent ON roster_assignments (roster_id, agent_id, day);
CREATE INDEX roster_assignments_day ON roster_assignments (roster_id, day);

CREATE TABLE roster_breaks (
  assignment_id bigint NOT NULL REFERENCES roster_assignments(id) ON DELETE CASCADE,
  start_at timestamptz NOT NULL,
  minutes integer NOT NULL CHECK (minutes > 0),
  kind text NOT NULL CHECK (kind IN ('break', 'meal')),
  PRIMARY KEY (assignment_id, start_at)
);

-- Leave, swap and rest-day requests with their approval trail.
CREATE TABLE requests (
  id bigserial PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('leave', 'swap', 'rest-day')),
  agent_id text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'escalated', 'approved', 'rejected', 'cancelled')),
  payload jsonb NOT NULL,
  next_role text,
  next_user_id bigint REFERENCES users(id),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX requests_center_status ON requests (center_id, status);

CREATE TABLE request_decisions (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  user_id bigint REFERENCES users(id),
  outcome text NOT NULL,
  rule text,
  detail jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);

-- Overtime callouts (O1, O2) and agents' answers.
CREATE TABLE callouts (
  id bigserial PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  queue_id text NOT NULL,
  from_at timestamptz NOT NULL,
  to_at timestamptz NOT NULL CHECK (to_at > from_at),
  needed integer NOT NULL CHECK (needed > 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'filled', 'closed')),
  candidates jsonb NOT NULL DEFAULT '[]',
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE callout_responses (
  callout_id bigint NOT NULL REFERENCES callouts(id) ON DELETE CASCADE,
  agent_id text NOT NULL,
  accept boolean NOT NULL,
  assignment_id bigint REFERENCES roster_assignments(id) ON DELETE SET NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (callout_id, agent_id)
);

-- Notifications for a real SMS/phone system to deliver.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  channel text NOT NULL,
  recipient text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  attempts integer NOT NULL DEFAULT 0
);

CREATE TABLE attendance_events (
  id bigserial PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  agent_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('sign-in', 'sign-out', 'excuse', 'papers')),
  at timestamptz NOT NULL,
  day date NOT NULL,
  reason text,
  recorded_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attendance_events_agent_day ON attendance_events (center_id, agent_id, day);

-- Jobs: the durable record of long work, whichever runner executes it.
CREATE TABLE jobs (
  id text PRIMARY KEY,
  center_id text REFERENCES centers(id) ON DELETE CASCADE,
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  params jsonb NOT NULL DEFAULT '{}',
  progress real NOT NULL DEFAULT 0,
  progress_detail jsonb NOT NULL DEFAULT '{}',
  result jsonb,
  error text,
  attempts integer NOT NULL DEFAULT 0,
  cancel_requested boolean NOT NULL DEFAULT false,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX jobs_status ON jobs (status);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id bigint REFERENCES users(id) ON DELETE SET NULL,
  center_id text,
  action text NOT NULL,
  object_kind text NOT NULL,
  object_id text,
  rule text,
  before jsonb,
  after jsonb,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_object ON audit_log (object_kind, object_id);

-- Exams, training and meetings placed in roster assignments (FORMATS.md "Roster" activities, MANUAL TR1–TR4).
CREATE TABLE roster_activities (
  assignment_id bigint NOT NULL REFERENCES roster_assignments(id) ON DELETE CASCADE,
  start_at timestamptz NOT NULL,
  minutes integer NOT NULL CHECK (minutes > 0),
  activity_id text NOT NULL,
  PRIMARY KEY (assignment_id, start_at)
);

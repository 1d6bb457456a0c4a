-- RP5: 1.5 hours after each shift ends, the manager on duty reports that the shift's staff got home safely. One
-- report per center and shift end (the people whose shifts end at that moment); who reported, when, and a note.
CREATE TABLE safe_home_reports (
  id serial PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  shift_date date NOT NULL,
  shift_end timestamptz NOT NULL,
  people integer NOT NULL,
  reported_by bigint REFERENCES users(id),
  reported_at timestamptz NOT NULL DEFAULT now(),
  note text,
  UNIQUE (center_id, shift_end)
);
CREATE INDEX safe_home_reports_day ON safe_home_reports (center_id, shift_date);

-- A shift shortened by approved voluntary time off keeps the span its template gave it (H4 judges that span).
ALTER TABLE roster_assignments ADD COLUMN planned_start_at timestamptz;
ALTER TABLE roster_assignments ADD COLUMN planned_end_at timestamptz;

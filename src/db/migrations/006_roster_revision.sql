-- A roster version's content changes in place when accepted overtime, a floating re-placement or a coverage
-- update is written into it, or when it is published or superseded: its revision counts those changes, so a
-- read built from it (src/services/roster-read.ts) is reused, and answered 304, until the next one.
ALTER TABLE rosters ADD COLUMN revision integer NOT NULL DEFAULT 0;

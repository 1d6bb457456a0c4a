-- An activity moved on the day (into the reforecast's surplus, TR1–TR4) is a roster fact like the others.
ALTER TABLE roster_facts DROP CONSTRAINT IF EXISTS roster_facts_kind_check;
ALTER TABLE roster_facts ADD CONSTRAINT roster_facts_kind_check
  CHECK (kind IN ('overtime', 'leave', 'leave-cancel', 'swap', 'rest-day', 'shift-move', 'floating', 'vto', 'activity'));

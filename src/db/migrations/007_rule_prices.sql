-- The price of each rule for a roster version's month (solver/design/rule-prices.ts): computed by a job on
-- request, kept with the version it was asked for.
CREATE TABLE roster_rule_prices (
  roster_id bigint PRIMARY KEY REFERENCES rosters(id) ON DELETE CASCADE,
  result jsonb NOT NULL,
  job_id text,
  computed_at timestamptz NOT NULL DEFAULT now()
);

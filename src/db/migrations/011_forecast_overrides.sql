-- An analyst's adjustment of a stored forecast (what every WFM suite lets a planner do): a queue's intervals in
-- [from_at, to_at) scaled by a percentage, or set to a total spread by the forecast's own shape, with the reason.
-- The forecast's points stay as computed; readers apply the overrides in id order (revoked ones are skipped).
CREATE TABLE forecast_overrides (
  id bigserial PRIMARY KEY,
  forecast_id bigint NOT NULL REFERENCES forecasts(id) ON DELETE CASCADE,
  queue_id text NOT NULL,
  from_at timestamptz NOT NULL,
  to_at timestamptz NOT NULL CHECK (to_at > from_at),
  percent double precision,
  total double precision CHECK (total >= 0),
  reason text NOT NULL,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by bigint REFERENCES users(id),
  CHECK ((percent IS NULL) <> (total IS NULL))
);
CREATE INDEX forecast_overrides_forecast ON forecast_overrides (forecast_id) WHERE revoked_at IS NULL;

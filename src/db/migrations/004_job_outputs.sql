-- A retried job (after a worker crash) must not store its output twice: one forecast / requirement set per job.
CREATE UNIQUE INDEX forecasts_job ON forecasts (job_id) WHERE job_id IS NOT NULL;
ALTER TABLE requirement_sets ADD COLUMN job_id text;
CREATE UNIQUE INDEX requirement_sets_job ON requirement_sets (job_id) WHERE job_id IS NOT NULL;

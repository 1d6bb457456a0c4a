-- A running job's attempt writes a heartbeat every few seconds: a row still "running" with an old heartbeat has
-- no live worker, and the reconciler (src/jobs/reconcile.ts) retries, fails or cancels it. A roster solve keeps
-- its best roster so far as a checkpoint, so a retried attempt resumes from it instead of starting over.
ALTER TABLE jobs ADD COLUMN heartbeat_at timestamptz;
ALTER TABLE jobs ADD COLUMN checkpoint jsonb;
CREATE INDEX jobs_running ON jobs (status, heartbeat_at) WHERE status IN ('queued', 'running');

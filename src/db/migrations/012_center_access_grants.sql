-- S2: a manager sees only their own center; another center's data needs a signed approval. A grant lets one user
-- read (never change) one other center from from_at until until_at, approved by that center's director (or an
-- admin), with the reason; revocable. Every grant and revocation is in the audit log.
CREATE TABLE center_access_grants (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  center_id text NOT NULL REFERENCES centers(id) ON DELETE CASCADE,
  approved_by bigint NOT NULL REFERENCES users(id),
  reason text NOT NULL,
  from_at timestamptz NOT NULL DEFAULT now(),
  until_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by bigint REFERENCES users(id),
  CHECK (until_at > from_at)
);
CREATE INDEX center_access_grants_user ON center_access_grants (user_id) WHERE revoked_at IS NULL;

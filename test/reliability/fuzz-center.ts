/**
 * Hostile center files through PUT /api/centers/:id (FORMATS.md "Center"), judged against storage: refused
 * leaves the center, its queues, teams, agents and the audit log as they were; accepted stores exactly the file
 * (as the center reader reads it) once, projected into its rows.
 */
import fc from 'fast-check';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { generateCenter } from '../../src/demo/generate-center.ts';
import type { TestApp } from '../helpers/test-app.ts';
import { hurtJsonArb, type HurtJson } from './fuzz-json.ts';
import { judge, send, snapshot, type Outcome } from './fuzz-judge.ts';

export const FUZZ_CENTER = 'fuzz';

/** A small valid center file (no id: the URL gives it). */
export const centerFile = () => {
  const { id: _id, ...file } = generateCenter({ agents: 14, seed: 11, name: 'fuzz' }) as Record<string, unknown>;
  return file;
};

export const centerHurtArb: fc.Arbitrary<HurtJson> = hurtJsonArb(centerFile() as never, 'agents', true);

const STATE = {
  revision: `SELECT coalesce(max(revision), 0) AS n FROM centers WHERE id = '${FUZZ_CENTER}'`,
  definition: `SELECT coalesce(max(length(definition::text)), 0) AS n FROM centers WHERE id = '${FUZZ_CENTER}'`,
  queues: `SELECT count(*) AS n FROM queues WHERE center_id = '${FUZZ_CENTER}'`,
  teams: `SELECT count(*) AS n FROM teams WHERE center_id = '${FUZZ_CENTER}'`,
  agents: `SELECT count(*) AS n FROM agents WHERE center_id = '${FUZZ_CENTER}' AND active`,
  audit: 'SELECT count(*) AS n FROM audit_log',
};

/** The center the server should have stored from these bytes, or null where the reader refuses them. */
function expectedCenter(body: Buffer): unknown {
  try {
    const value = JSON.parse(body.toString('utf8').replace(/^\uFEFF/, ''));
    return JSON.parse(JSON.stringify(parseCenter({ ...value, id: FUZZ_CENTER }, 'body')));
  } catch {
    return null;
  }
}

/** Sends the bytes as the center file and judges the answer and what storage holds after it. */
export async function runCenterPut(app: TestApp, hurt: HurtJson): Promise<Outcome> {
  const before = await snapshot(app, STATE);
  const answer = await send(app, 'PUT', `/api/centers/${FUZZ_CENTER}`, hurt.body, 'application/json');
  const after = await snapshot(app, STATE);
  return judge(answer, before, after, () => {
    const expected = expectedCenter(hurt.body) as { queues: unknown[]; teams: unknown[]; agents: unknown[] } | null;
    if (!expected) return { ok: false, why: 'accepted a file the center reader refuses' };
    return {
      ok: after.revision === before.revision + 1 && after.audit === before.audit + 1 && after.queues === expected.queues.length
        && after.teams === expected.teams.length && after.agents === expected.agents.length,
      why: `state ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    };
  });
}

/** The stored definition equals what the reader makes of the bytes (checked for accepted files). */
export async function storedCenterMatches(app: TestApp, body: Buffer): Promise<boolean> {
  const r = await app.db.query<{ definition: unknown }>('SELECT definition FROM centers WHERE id = $1', [FUZZ_CENTER]);
  const stored = typeof r.rows[0]?.definition === 'string' ? JSON.parse(r.rows[0].definition as string) : r.rows[0]?.definition;
  return JSON.stringify(sortKeys(stored)) === JSON.stringify(sortKeys(expectedCenter(body)));
}

/** jsonb stores keys in its own order: compare with keys sorted. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

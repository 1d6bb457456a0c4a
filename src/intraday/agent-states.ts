/**
 * The agent-state feed (from the phone system, or a supervisor's record): stored whole or refused naming the row,
 * and read per agent for a day. A state holds from its instant until the agent's next one.
 */
import type { Center } from '../domain/center-schema.ts';
import type { Db, Queryable } from '../db/db.ts';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { AGENT_STATES, type AgentState, type StateChange } from './adherence.ts';

export interface StateRow { agent: string; state: string; at: string }

/** Checks every row (agent of the center, known state, an instant with its offset); throws naming each bad one. */
export function checkStateRows(center: Center, rows: readonly StateRow[], where = 'body.rows'): Array<{ agent: string; state: AgentState; atMs: number }> {
  const agents = new Set(center.agents.map((a) => a.id));
  const errors: ProblemItem[] = [];
  const out = rows.map((r, i) => {
    const atMs = Date.parse(r.at);
    if (!agents.has(r.agent)) errors.push({ where: `${where}[${i}].agent`, message: `no agent "${r.agent}" in center ${center.id}` });
    if (!(AGENT_STATES as readonly string[]).includes(r.state)) errors.push({ where: `${where}[${i}].state`, message: `"${r.state}" is not one of ${AGENT_STATES.join(', ')}` });
    if (!/[zZ]|[+-]\d\d:?\d\d$/.test(r.at) || Number.isNaN(atMs)) errors.push({ where: `${where}[${i}].at`, message: `"${r.at}" is not an instant with its UTC offset` });
    return { agent: r.agent, state: r.state as AgentState, atMs };
  });
  if (errors.length > 0) throw new ValidationError(`${errors.length} agent-state row(s) refused; nothing was stored`, errors.slice(0, 50));
  return out;
}

/** Stores the rows in one transaction (a resent agent and instant replaces its state). */
export async function storeStates(db: Db, center: Center, rows: ReadonlyArray<{ agent: string; state: AgentState; atMs: number }>, userId: number | null): Promise<number> {
  await db.transaction(async (tx) => {
    for (let k = 0; k < rows.length; k += 500) {
      const chunk = rows.slice(k, k + 500);
      const values = chunk.map((_, i) => `($1, $${i * 3 + 3}, $${i * 3 + 4}, $${i * 3 + 5}, $2)`).join(', ');
      await tx.query(
        `INSERT INTO agent_states (center_id, agent_id, at, state, recorded_by) VALUES ${values}
         ON CONFLICT (center_id, agent_id, at) DO UPDATE SET state = EXCLUDED.state, recorded_by = EXCLUDED.recorded_by`,
        [center.id, userId, ...chunk.flatMap((r) => [r.agent, new Date(r.atMs), r.state])]);
    }
  });
  return rows.length;
}

/** Per agent, the state changes in [fromMs, toMs), plus the last one before (the state the window opens in). */
export async function stateChanges(db: Queryable, centerId: string, fromMs: number, toMs: number): Promise<Map<string, StateChange[]>> {
  const r = await db.query<{ agent_id: string; at: Date; state: AgentState }>(
    `SELECT agent_id, at, state FROM agent_states WHERE center_id = $1 AND at >= $2 AND at < $3
     UNION ALL
     SELECT * FROM (SELECT DISTINCT ON (agent_id) agent_id, at, state FROM agent_states
                     WHERE center_id = $1 AND at < $2 AND at >= $4 ORDER BY agent_id, at DESC) AS opening
     ORDER BY 1, 2`,
    [centerId, new Date(fromMs), new Date(toMs), new Date(fromMs - 24 * 3_600_000)]);
  const out = new Map<string, StateChange[]>();
  for (const row of r.rows) (out.get(row.agent_id) ?? out.set(row.agent_id, []).get(row.agent_id)!).push({ atMs: new Date(row.at).getTime(), state: row.state });
  return out;
}

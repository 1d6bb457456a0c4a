/**
 * Mass assignment on the VTO routes (issue 26), one attempt per write operation, run by authz-mass-assignment.ts.
 */
import { DAY } from './authz-fixture.ts';
import type { Answer } from './authz-judge.ts';
import type { Attempt, Ctx } from './authz-mass-assignment.ts';

const expectEq = (what: string, actual: unknown, expected: unknown) => (String(actual) === String(expected) ? [] : [`${what} is ${String(actual)}, not ${String(expected)}`]);
const at = (hhmm: string) => `${DAY}T${hhmm}:00+08:00`;

/**
 * VTO offers: made and answered only before their window starts, so on a clock past the fixture's DAY the
 * same bodies are refused (422 window started, 409 expired) and must change nothing; closing works either way.
 */
export function vtoAttempts(): Attempt[] {
  const ahead = (hhmm: string) => Date.now() < Date.parse(at(hhmm));
  return [
    { operation: 'POST /api/centers/{id}/vto-offers', ok: ahead('15:00') ? 201 : 422,
      run: (c) => c.send('supervisor', 'POST', '/api/centers/rq/vto-offers', { queue: 'csr', from: at('15:00'), to: at('16:00'), count: 1, notify: 0, ...c.extras, status: 'filled', wanted: 50, candidates: [] }),
      ...(ahead('15:00') ? {
        async check(c: Ctx, a: Answer) {
          const r = await c.row<{ status: string; wanted: number; created_by: number; center_id: string; n: number }>(
            'SELECT status, wanted, created_by, center_id, jsonb_array_length(candidates) AS n FROM vto_offers WHERE id = $1', [(a.body as { id: number }).id]);
          return [...expectEq('status', r.status, 'open'), ...expectEq('count', r.wanted, 1), ...expectEq('creator', r.created_by, await c.user('supervisor')),
            ...expectEq('center', r.center_id, 'rq'), ...(r.n > 0 ? [] : ['the body emptied the candidates'])];
        },
      } : {}) },
    { operation: 'POST /api/vto-offers/{id}/agents/{agentId}/answer', ok: ahead('15:00') ? 200 : 409,
      run: (c) => c.send('lead', 'POST', `/api/vto-offers/${c.fx.ids['own team'].openVto}/agents/a02/answer`, { accept: false, ...c.extras, status: 'filled', rosterId: 1, off_from: at('15:00') }),
      ...(ahead('15:00') ? {
        async check(c: Ctx) {
          const r = await c.row<{ status: string; accept: boolean; roster_id: number | null; off_from: Date | null }>(
            `SELECT o.status, r.accept, r.roster_id, r.off_from FROM vto_offers o JOIN vto_responses r ON r.offer_id = o.id WHERE o.id = $1 AND r.agent_id = 'a02'`, [c.fx.ids['own team'].openVto]);
          return [...expectEq('offer status', r.status, 'open'), ...expectEq('answer', r.accept, false), ...expectEq('roster', r.roster_id, null), ...expectEq('time off', r.off_from, null)];
        },
      } : {}) },
    { operation: 'POST /api/vto-offers/{id}/close', ok: 200,
      run: (c) => c.send('supervisor', 'POST', `/api/vto-offers/${c.fx.ids['own team'].openVto}/close`, { ...c.extras, status: 'filled' }),
      async check(c) {
        return expectEq('status', (await c.row<{ status: string }>('SELECT status FROM vto_offers WHERE id = $1', [c.fx.ids['own team'].openVto])).status, 'closed');
      } },
  ];
}

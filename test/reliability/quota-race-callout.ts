/**
 * O1 raced: the duty supervisor calls `needed` people in for an evening window (16:00–20:00 on the 28th of the
 * round's month); 50 eligible agents accept at once, each with their own token, while the same duty supervisor
 * approves two rest-day moves of that month (each writes the month's next published roster version). Exactly
 * `needed` become overtime in the roster that is published afterwards; the others are told the callout is
 * filled (409 citing O1); both moves are approved.
 */
import { addDays, monthDates } from '../../src/time/local-day.ts';
import { CENTER_ID } from './quota-fixture.ts';
import { call, fireAll, outcome, problemCiting, publishedId, type Answer, type RaceOutcome, type RaceSetup } from './quota-race.ts';
import { monthAssignments } from './quota-races-changes.ts';

export const CALLOUT_ANSWERS = 50;
/** Moves its rest days during the race (so it does not answer the callout). */
export const MOVER = 'b02';

export interface CalloutRace {
  id: number;
  candidates: string[];
  /** Rest-day moves of MOVER waiting for supervisor s1. */
  moves: number[];
}

/**
 * Two rest-day moves of MOVER that break no hard rule: a first rest day swapped with the working day before it
 * (work, work, rest, rest → work, rest, work, rest), before the callout's day.
 */
async function harmlessMoves(s: RaceSetup): Promise<Array<{ from: string; to: string }>> {
  const mine = (await monthAssignments(s)).filter((a) => a.agent === MOVER);
  const works = (d: string) => mine.some((a) => a.date === d);
  const dates = monthDates(s.month).filter((d) => d < `${s.month}-26`);
  const moves = dates.slice(2).filter((d, i) => !works(d) && works(dates[i + 1]) && works(dates[i])).map((d) => ({ from: d, to: addDays(d, -1) }));
  if (moves.length < 2) throw new Error(`no two harmless rest-day moves for ${MOVER} in ${s.month}`);
  return moves.slice(0, 2);
}

export async function openCallout(s: RaceSetup, needed: number): Promise<CalloutRace> {
  const day = `${s.month}-28`;
  const moves: number[] = [];
  for (const m of await harmlessMoves(s)) {
    const r = await call(s, 'POST', '/api/requests', await s.as(MOVER), { kind: 'rest-day', ...m });
    if (r.status !== 201 || r.body.status !== 'pending' || r.body.rule !== 'R3') throw new Error(`rest-day move of ${MOVER}: ${r.status} ${JSON.stringify(r.body)}`);
    moves.push(r.body.id);
  }
  const made = await call(s, 'POST', `/api/centers/${CENTER_ID}/callouts`, await s.as('s1'), {
    queue: 'csr', from: `${day}T16:00:00+08:00`, to: `${day}T20:00:00+08:00`, needed,
  });
  if (made.status !== 201) throw new Error(`callout: ${made.status} ${JSON.stringify(made.body)}`);
  return { id: made.body.id, candidates: made.body.candidates.map((c: { agent: string }) => c.agent).filter((a: string) => a !== MOVER), moves };
}

export async function raceCallout(s: RaceSetup, callout: CalloutRace, needed: number): Promise<RaceOutcome & { approvals: Answer[] }> {
  const agents = callout.candidates.slice(0, CALLOUT_ANSWERS);
  if (agents.length < CALLOUT_ANSWERS) throw new Error(`only ${agents.length} candidates for callout ${callout.id}`);
  const tokens = await Promise.all(agents.map((a) => s.as(a)));
  const supervisor = await s.as('s1');
  const all = await fireAll([
    ...callout.moves.map((id) => (via: number) => call(s, 'POST', `/api/requests/${id}/approve`, supervisor, undefined, via)),
    ...agents.map((agent, i) => (via: number) => call(s, 'POST', `/api/callouts/${callout.id}/responses`, tokens[i], { agent, accept: true }, via)),
  ]);
  const approvals = all.slice(0, callout.moves.length);
  const answers = all.slice(callout.moves.length);
  const responses = (await s.app.db.query<{ agent_id: string }>('SELECT agent_id FROM callout_responses WHERE callout_id = $1 AND accept', [callout.id])).rows;
  const rosterId = await publishedId(s.app.db, CENTER_ID, s.month);
  const overtime = (await s.app.db.query<{ agent_id: string }>(
    "SELECT agent_id FROM roster_assignments WHERE roster_id = $1 AND kind = 'overtime' AND day = $2", [rosterId, `${s.month}-28`],
  )).rows;
  const granted = (a: Answer) => a.status === 200 && !!a.body.assignment;
  // Accepted = a stored response and the overtime in the roster that is published now.
  const kept = (agent: string) => responses.some((r) => r.agent_id === agent) && overtime.some((o) => o.agent_id === agent);
  return {
    ...outcome('O1', answers, needed, { granted, refused: (a) => problemCiting(a, 'O1') && /filled/.test(a.body.detail) }, {
      count: responses.length,
      missing: answers.filter(granted).filter((a) => !kept(a.body.agent)).length,
    }),
    approvals,
  };
}

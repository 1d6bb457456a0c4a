/**
 * What the Erlang model says an interval gets: service level, ASA, abandonment and occupancy for `calls` calls of
 * `ahtSeconds` in an interval with `agents` agents on the phones — Erlang A (src/staffing/erlang-a.ts) with a
 * finite mean patience, Erlang C with an infinite one, as staffing does. Rosters give fractional agents (a
 * 5-minute break takes 1/6 of an agent from a 30-minute interval); the measures are interpolated linearly
 * between the whole counts below and above, as the daily report's estimate does (src/reports/service-level.ts).
 * Measures follow staffing's definitions: SL = share of offered calls answered within T (a caller who hangs up
 * is not answered in time); ASA = mean wait of answered calls (null when the queue never empties or nobody is
 * answered); abandonment = share hanging up; occupancy = answered work ÷ agents.
 */
import { erlangA, trafficErlangs } from '../staffing/index.ts';

export interface ErlangMeasures {
  serviceLevel: number;
  asaSeconds: number | null;
  abandonRate: number;
  occupancy: number;
}

export interface ErlangQuestion {
  calls: number;
  ahtSeconds: number;
  agents: number;
  intervalSeconds: number;
  /** Infinity = Erlang C. */
  patienceSeconds: number;
  answerWithinSeconds: number;
}

function whole(traffic: number, agents: number, q: ErlangQuestion): ErlangMeasures {
  const m = erlangA({ trafficErlangs: traffic, agents, ahtSeconds: q.ahtSeconds, patienceSeconds: q.patienceSeconds, answerWithinSeconds: q.answerWithinSeconds });
  // Erlang C on an overloaded queue has no steady state: nobody is answered in time, the wait grows without bound.
  return { serviceLevel: m.serviceLevel, asaSeconds: Number.isFinite(m.asaSeconds) ? m.asaSeconds : null, abandonRate: m.pAbandon, occupancy: agents > 0 ? m.occupancy : 0 };
}

export function erlangMeasures(q: ErlangQuestion): ErlangMeasures {
  const traffic = trafficErlangs(q.calls, q.ahtSeconds, q.intervalSeconds);
  const lo = Math.floor(q.agents + 1e-9);
  const frac = Math.max(0, q.agents - lo);
  const a = whole(traffic, lo, q);
  if (frac < 1e-9) return a;
  const b = whole(traffic, lo + 1, q);
  const mix = (x: number, y: number) => x + (y - x) * frac;
  return {
    serviceLevel: mix(a.serviceLevel, b.serviceLevel),
    asaSeconds: a.asaSeconds === null || b.asaSeconds === null ? null : mix(a.asaSeconds, b.asaSeconds),
    abandonRate: mix(a.abandonRate, b.abandonRate),
    occupancy: mix(a.occupancy, b.occupancy),
  };
}

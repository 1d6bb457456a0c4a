/**
 * Service level an interval actually had, estimated from the calls offered, their AHT and the agents the roster
 * had on the phones (fractional: breaks remove parts of agents). The queue model is the one staffing uses for the
 * queue (Erlang A with the queue's patience, else Erlang C, src/staffing); a fractional agent count is linear
 * interpolation between the whole counts below and above it.
 */
import type { InboundQueue } from '../domain/center-schema.ts';
import { erlangA, erlangC, trafficErlangs } from '../staffing/index.ts';

function slWhole(queue: InboundQueue, traffic: number, agents: number, aht: number): number {
  if (traffic === 0) return 1;
  if (agents <= 0) return 0;
  const t = queue.serviceLevel.seconds;
  if (queue.patienceSeconds !== undefined) {
    return erlangA({ trafficErlangs: traffic, agents, ahtSeconds: aht, patienceSeconds: queue.patienceSeconds, answerWithinSeconds: t }).serviceLevel;
  }
  return erlangC({ trafficErlangs: traffic, agents, ahtSeconds: aht, answerWithinSeconds: t }).serviceLevel;
}

export function estimateServiceLevel(queue: InboundQueue, calls: number, ahtSeconds: number, agents: number, intervalMinutes: number): number {
  const traffic = trafficErlangs(calls, ahtSeconds, intervalMinutes * 60);
  const lo = Math.floor(agents);
  const frac = agents - lo;
  const a = slWhole(queue, traffic, lo, ahtSeconds);
  if (frac < 1e-9) return a;
  return a + (slWhole(queue, traffic, lo + 1, ahtSeconds) - a) * frac;
}

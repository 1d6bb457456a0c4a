import { describe, expect, it } from 'vitest';
import type { OutboundQueue } from '../../src/domain/center-schema.ts';
import { outboundAgentsRequired, tierMix } from '../../src/staffing/outbound.ts';
import { fixtureCenter } from './fixture-center.ts';

const tsr = (center: ReturnType<typeof fixtureCenter>) => center.queues.find((q) => q.id === 'tsr') as OutboundQueue;

describe('outbound (TSR) staffing by calls per hour (MANUAL T1)', () => {
  it('the mix rate is the headcount-weighted mean of the T1 defaults (A 17, intern 11 → 14)', () => {
    const center = fixtureCenter();
    const mix = tierMix(center, tsr(center));
    expect(mix.headcount).toEqual({ intern: 1, C: 0, B: 0, A: 1 });
    expect(mix.callsPerHourByTier).toEqual({ intern: 11, C: 13, B: 15, A: 17 });
    expect(mix.callsPerHour).toBe(14);
  });

  it('counts untiered phone staff as interns and ignores supervisors, even with the skill', () => {
    const center = fixtureCenter((c) => {
      c.agents!.push({ id: 't3', role: 'agent', team: 'tsr-1', skills: ['tsr'], contract: { maxDays: 20 } });
      c.agents!.push({ id: 't4', role: 'agent', team: 'tsr-1', skills: ['tsr'], tier: 'B', contract: { maxDays: 20 } });
    });
    const mix = tierMix(center, tsr(center));
    // (17 + 11 + 11 + 15) / 4 = 13.5; s1 (supervisor, skill tsr) is not on the phones (R11).
    expect(mix.untiered).toBe(1);
    expect(mix.callsPerHour).toBe(13.5);
  });

  it('counts the people who work the queue, as capacity does: a care agent with the tsr skill is not in the tsr mix', () => {
    const center = fixtureCenter((c) => {
      c.agents!.push({ id: 'c4', role: 'agent', team: 'care-1', skills: ['care', 'tsr'], tier: 'A', contract: { maxDays: 20 } });
      // Near miss: a tsr-team agent who also has the care skill works tsr, and counts.
      c.agents!.push({ id: 't5', role: 'agent', team: 'tsr-1', skills: ['care', 'tsr'], tier: 'B', contract: { maxDays: 20 } });
    });
    const mix = tierMix(center, tsr(center));
    expect(mix.headcount).toEqual({ intern: 1, C: 0, B: 1, A: 1 });
    expect(mix.callsPerHour).toBeCloseTo((17 + 11 + 15) / 3, 10);
  });

  it('uses the queue’s own callsPerHour and the intern rate when nobody has the skill', () => {
    const center = fixtureCenter((c) => {
      c.queues[2] = { id: 'tsr', kind: 'outbound', callsPerHour: { intern: 10, C: 12, B: 14, A: 20 } };
    });
    expect(tierMix(center, tsr(center)).callsPerHour).toBe(15);
    const empty = fixtureCenter((c) => {
      c.agents = c.agents!.filter((a) => !a.skills?.includes('tsr') || a.role === 'supervisor');
      c.teams = c.teams!.filter((t) => t.queue !== 'tsr');
    });
    expect(tierMix(empty, tsr(empty)).callsPerHour).toBe(11);
  });

  it('agents = calls ÷ (CPH × interval hours): 70 calls in 30 min at 14 CPH need 10; 70.1 need 11 (near miss)', () => {
    expect(outboundAgentsRequired(70, 14, 30)).toBe(10);
    expect(outboundAgentsRequired(70.1, 14, 30)).toBe(11);
    expect(outboundAgentsRequired(70.1, 14, 30, 'exact')).toBeCloseTo(10.0142857, 6);
    expect(outboundAgentsRequired(0, 14, 30)).toBe(0);
  });

  it('rejects a zero calls-per-hour rate', () => {
    expect(() => outboundAgentsRequired(10, 0, 30)).toThrow(RangeError);
  });
});

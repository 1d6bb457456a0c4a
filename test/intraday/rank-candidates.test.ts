/**
 * Callout eligibility and ranking (MANUAL O1): each exclusion rule has a breaking case and a near miss, and the
 * order follows the stated keys (fewest overtime hours, then tier by calls per hour, then in the building).
 * The rules are the Rule-contract doubles of fixtures/contract-rules.ts, so only the ranking code is under test.
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../solver/roster.ts';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { rankCandidates } from '../../src/intraday/callouts/rank-candidates.ts';
import { offerWindow } from '../../src/intraday/callouts/offer-window.ts';
import { CONTRACT_RULES } from './fixtures/contract-rules.ts';
import { smallCenter, type AgentInput } from './fixtures/center.ts';

const shift = (agent: string, date: string, from: string, to: string, kind?: 'overtime', queue = 'csr'): Assignment => ({
  agent, date, shift: kind ? 'OT' : 'E', queue, start: `${date}T${from}:00+08:00`, end: `${date}T${to}:00+08:00`, breaks: [], ...(kind ? { kind } : {}),
});
const days = (agent: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => shift(agent, `2026-12-${String(from + i).padStart(2, '0')}`, '08:00', '17:00'));

const agents: AgentInput[] = [
  { id: 'a01', skills: ['csr'], tier: 'B' }, // works 08–17 on the 10th: extends to 21:00
  { id: 'a02', skills: ['csr'], tier: 'B' }, // off: a new shift
  { id: 'a03', skills: ['tsr'], tier: 'A' }, // H2: no csr skill
  { id: 'a04', skills: ['csr'], tier: 'A', unavailable: [{ date: '2026-12-10', reason: 'leave' }] }, // H3
  { id: 'a05', skills: ['csr'], tier: 'A' }, // next shift 08:00 on the 11th: 11 h rest, near miss of C1
  { id: 'a06', skills: ['csr'], tier: 'A' }, // next shift 07:30 on the 11th: 10.5 h rest, C1
  { id: 'a07', skills: ['csr'], tier: 'C' }, // worked 04–09: a 7th day, C2
  { id: 'a08', skills: ['csr'], tier: 'C' }, // worked 05–09: a 6th day, near miss of C2
  { id: 'a09', skills: ['csr'], tier: 'A' }, // 34 h overtime: 34 + 4 > 36, cap
  { id: 'a10', skills: ['csr'], tier: 'A' }, // 32 h overtime: 32 + 4 = 36, near miss of the cap
  { id: 'a11', skills: ['csr'] }, // an old C2 problem later in the month must not block; no tier
  { id: 'a12', skills: ['csr'], tier: 'B' }, // works 12:00–21:00: already covers the window
];
const center = parseCenter(smallCenter(agents));
const assignments: Assignment[] = [
  shift('a01', '2026-12-10', '08:00', '17:00'),
  shift('a05', '2026-12-11', '08:00', '17:00'),
  shift('a06', '2026-12-11', '07:30', '16:30'),
  ...days('a07', 4, 9),
  ...days('a08', 5, 9),
  ...days('a11', 20, 27),
  shift('a12', '2026-12-10', '12:00', '21:00'),
  shift('l01', '2026-12-10', '12:00', '21:00'),
  shift('l02', '2026-12-10', '12:00', '21:00', undefined, 'tsr'),
];
const overtimeMinutes = new Map<string, number>([['a09', 34 * 60], ['a10', 32 * 60]]);
const window = { queue: 'csr', fromMs: Date.parse('2026-12-10T17:00:00+08:00'), toMs: Date.parse('2026-12-10T21:00:00+08:00') };
const result = rankCandidates({ center, window, assignments, overtimeMinutes, leave: [], rules: CONTRACT_RULES });
const excludedBy = (agent: string) => result.excluded.find((e) => e.agent === agent)?.rules;

describe('callout eligibility', () => {
  it('H2 skill and H3 leave exclude, naming the rule', () => {
    expect(excludedBy('a03')).toEqual(['H2']);
    expect(excludedBy('a04')).toEqual(['H3']);
  });
  it('C1 minimum rest: 10.5 h before the next shift excludes; exactly 11 h does not', () => {
    expect(excludedBy('a06')).toEqual(['C1']);
    expect(excludedBy('a05')).toBeUndefined();
  });
  it('C2 max consecutive days: a 7th day excludes; a 6th does not', () => {
    expect(excludedBy('a07')).toEqual(['C2']);
    expect(excludedBy('a08')).toBeUndefined();
  });
  it('monthly overtime cap (36 h): 34 + 4 excludes; 32 + 4 = 36 does not', () => {
    expect(excludedBy('a09')).toEqual(['O1-cap']);
    expect(excludedBy('a10')).toBeUndefined();
  });
  it('a rule already broken elsewhere in the month does not block an unrelated callout', () => {
    expect(excludedBy('a11')).toBeUndefined();
  });
  it('someone already working the whole window is not offered it', () => {
    expect(excludedBy('a12')).toEqual(['offer']);
  });
});

describe('callout ranking', () => {
  it('fewest overtime hours first, then higher tier (calls per hour), then already in the building', () => {
    expect(result.candidates.map((c) => c.agent)).toEqual(['a05', 'a01', 'a02', 'a08', 'a11', 'a10']);
    expect(result.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const a01 = result.candidates.find((c) => c.agent === 'a01')!;
    expect(a01).toMatchObject({ mode: 'extend-after', extends: 'E', start: '2026-12-10T17:00:00+08:00', end: '2026-12-10T21:00:00+08:00', hours: 4, callsPerHour: 15 });
    expect(result.candidates.find((c) => c.agent === 'a11')).toMatchObject({ tier: null, callsPerHour: 11 });
    expect(a01.reasons.join(' ')).toMatch(/in the building/);
  });

  it('in the building breaks a tie of hours and tier', () => {
    const a01 = result.candidates.findIndex((c) => c.agent === 'a01');
    const a02 = result.candidates.findIndex((c) => c.agent === 'a02');
    expect(a01).toBeLessThan(a02);
  });
});

describe('offer window', () => {
  const e = shift('x', '2026-12-10', '08:00', '17:00');
  const at = (t: string) => Date.parse(`2026-12-10T${t}:00+08:00`);
  it('extends after the end, before the start, or starts a new shift', () => {
    expect(offerWindow([e], at('16:00'), at('19:00'))).toMatchObject({ mode: 'extend-after', startMs: at('17:00'), endMs: at('19:00') });
    expect(offerWindow([e], at('06:00'), at('09:00'))).toMatchObject({ mode: 'extend-before', startMs: at('06:00'), endMs: at('08:00') });
    expect(offerWindow([], at('06:00'), at('09:00'))).toMatchObject({ mode: 'new-shift' });
  });
  it('refuses a shift inside the window and an overlapping overtime', () => {
    expect(offerWindow([e], at('07:00'), at('18:00'))).toHaveProperty('reason');
    expect(offerWindow([shift('x', '2026-12-10', '18:00', '20:00', 'overtime')], at('19:00'), at('21:00'))).toHaveProperty('reason');
  });
});

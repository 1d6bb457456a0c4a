// Daylight-saving time (Europe/Berlin): 2026-03-29 02:00 CET → 03:00 CEST (23-hour day), 2026-10-25 03:00 CEST →
// 02:00 CET (25-hour day). Rest and shift lengths are real elapsed time; the repeated hour's intervals stay apart.
import { describe, expect, it } from 'vitest';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { monthDates } from '../../src/time/local-day.ts';
import { buildHorizon } from '../../solver/model/horizon.ts';
import type { Assignment } from '../../solver/roster.ts';
import { rule as c1 } from '../../solver/rules/c1-min-rest.ts';
import { rule as h4 } from '../../solver/rules/h4-shift-template.ts';
import { rule as r3 } from '../../solver/rules/r3-understaffing.ts';
import { buildRuleContext } from '../../solver/rules/rule.ts';
import { evaluate } from '../../solver/rules/evaluate.ts';
import { solveRoster } from '../../solver/solve-roster.ts';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { roster, tinyCenterInput } from './fixture.ts';

const berlin = () => {
  const input = tinyCenterInput();
  input.timezone = 'Europe/Berlin';
  input.shiftTemplates!.push({ id: 'N', start: '22:00', minutes: 480 });
  input.agents!.find((a) => a.id === 'a1')!.contract = { minDays: 0, maxDays: 23 };
  return parseCenter(input);
};
const ctx = (month: string, requirements: Array<{ queue: string; interval_start: string; required: number }> = []) =>
  buildRuleContext(berlin(), month, monthDates(month), { requirements });
const a = (date: string, shift: string, start: string, end: string): Assignment => ({ agent: 'a1', date, shift, queue: 'csr', start, end, breaks: [] });

describe('the month line in a DST zone', () => {
  it('has a 23-hour and a 25-hour day, and keeps the repeated hour apart by offset', () => {
    const march = buildHorizon('2026-03', 'Europe/Berlin', 30);
    const d29 = march.dayIndex('2026-03-29');
    expect(march.dayFirst[d29 + 1] - march.dayFirst[d29]).toBe(46);
    const october = buildHorizon('2026-10', 'Europe/Berlin', 30);
    const d25 = october.dayIndex('2026-10-25');
    expect(october.dayFirst[d25 + 1] - october.dayFirst[d25]).toBe(50);
    const labels = october.startIso.slice(october.dayFirst[d25], october.dayFirst[d25] + 8).map((s) => s.slice(11));
    expect(labels).toEqual(['00:00:00+02:00', '00:30:00+02:00', '01:00:00+02:00', '01:30:00+02:00', '02:00:00+02:00', '02:30:00+02:00', '02:00:00+01:00', '02:30:00+01:00']);
  });
});

describe('C1 rest across a DST night is measured in elapsed time', () => {
  it('spring: 21:30 CET to 09:00 CEST reads 11.5 h on the clock but is 10.5 h (30 min short)', () => {
    const r = roster([a('2026-03-28', 'L', '2026-03-28T13:30:00+01:00', '2026-03-28T21:30:00+01:00'), a('2026-03-29', 'F', '2026-03-29T09:00:00+02:00', '2026-03-29T13:00:00+02:00')]);
    expect(c1.check({ ...r, month: '2026-03' }, ctx('2026-03')).map((v) => v.penalty)).toEqual([30]);
  });
  it('autumn near miss: 22:00 CEST to 08:00 CET reads 10 h but is exactly 11 h', () => {
    const r = roster([a('2026-10-24', 'L', '2026-10-24T14:00:00+02:00', '2026-10-24T22:00:00+02:00'), a('2026-10-25', 'E', '2026-10-25T08:00:00+01:00', '2026-10-25T16:00:00+01:00')]);
    expect(c1.check({ ...r, month: '2026-10' }, ctx('2026-10'))).toEqual([]);
  });
});

describe('H4 shift length is elapsed time', () => {
  it('a night shift N (22:00, 480 min) on 28 March ends at 07:00 CEST; ending 06:00 CEST is 60 min short', () => {
    const c = ctx('2026-03');
    const good = roster([a('2026-03-28', 'N', '2026-03-28T22:00:00+01:00', '2026-03-29T07:00:00+02:00')]);
    const bad = roster([a('2026-03-28', 'N', '2026-03-28T22:00:00+01:00', '2026-03-29T06:00:00+02:00')]);
    expect(h4.check({ ...good, month: '2026-03' }, c)).toEqual([]);
    expect(h4.check({ ...bad, month: '2026-03' }, c).map((v) => v.penalty)).toEqual([60]);
  });
});

describe('coverage of the repeated hour', () => {
  it('a night shift covers both 02:00 intervals; each is judged against its own requirement', () => {
    const requirements = [
      { queue: 'csr', interval_start: '2026-10-25T02:00:00+02:00', required: 1 },
      { queue: 'csr', interval_start: '2026-10-25T02:00:00+01:00', required: 2 },
    ];
    const r = { ...roster([a('2026-10-24', 'N', '2026-10-24T22:00:00+02:00', '2026-10-25T05:00:00+01:00')]), month: '2026-10' };
    const v = r3.check(r, ctx('2026-10', requirements));
    expect(v.map((x) => [x.interval_start, x.penalty])).toEqual([['2026-10-25T02:00:00+01:00', 0.5]]);
  });
});

describe('the solver in a DST month', () => {
  it('rosters October 2026 in Berlin with every hard rule kept and every shift its template length', async () => {
    const center = berlin();
    center.shiftTemplates = center.shiftTemplates.filter((t) => t.id !== 'N');
    const requirements = requirementsFromBankProfile(center, '2026-10');
    const result = await solveRoster({ center, month: '2026-10', requirements }, { moves: 50_000 });
    const hard = result.roster.violations.filter((v) => v.level === 'hard');
    expect(hard).toEqual([]);
    for (const x of result.roster.assignments) {
      const t = center.shiftTemplates.find((s) => s.id === x.shift)!;
      expect(Date.parse(x.end) - Date.parse(x.start)).toBe(t.minutes * 60_000);
    }
    const sunday = result.roster.assignments.filter((x) => x.date === '2026-10-25');
    expect(sunday.length).toBeGreaterThan(0);
    expect(sunday.every((x) => x.start.endsWith('+01:00'))).toBe(true);
    expect(evaluate(result.roster, buildRuleContext(center, '2026-10', monthDates('2026-10'), { requirements })).score.hard).toBe(0);
  });
});

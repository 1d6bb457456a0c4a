/**
 * The price of each rule on tiny centers whose bound is computed by hand. One person (x, a team lead, so on
 * the phones), UTC, 60-minute intervals, open 08:00–20:00; requirements of 1 agent on Monday 2027-01-04 only.
 * R7 with 60-minute intervals: each full working hour on the phones keeps 55 of its 60 minutes, so a covered
 * required hour is short 1/12 agent-hour.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCenter } from '../../src/domain/center-loader.ts';
import type { CenterInput } from '../../src/domain/center-schema.ts';
import { lowerBound, RELAXATIONS, rulePrices } from '../../solver/design/rule-prices.ts';
import { createHighsBackend } from '../../solver/lp/highs-backend.ts';
import type { LpBackend } from '../../solver/lp/linear-model.ts';
import type { RosterProblem } from '../../solver/problem.ts';

const DAY = '2027-01-04';
const BREAK = 1 / 12;
let highs: LpBackend;
beforeAll(async () => {
  highs = await createHighsBackend();
});

/** 1 agent required on `queue` for each hour from..to (exclusive) of `date`. */
const need = (from: number, to: number, queue = 'a', date = DAY) =>
  Array.from({ length: to - from }, (_, k) => ({ queue, interval_start: `${date}T${String(from + k).padStart(2, '0')}:00:00Z`, required: 1 }));

function problem(change: (c: CenterInput) => void, requirements: RosterProblem['requirements']): RosterProblem {
  const input: CenterInput = {
    id: 'p', name: 'p', timezone: 'UTC', intervalMinutes: 60,
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' }],
    queues: [{ id: 'a', kind: 'inbound' }, { id: 'b', kind: 'inbound' }],
    shiftTemplates: [
      { id: 'E', start: '08:00', minutes: 240 },
      { id: 'L', start: '14:00', minutes: 240 },
    ],
    teams: [{ id: 't', queue: 'a', lead: 'x', supervisor: 's' }],
    agents: [
      { id: 's', name: 's', role: 'supervisor', skills: ['a', 'b'], contract: { minDays: 0, maxDays: 31, templates: ['E'] } },
      { id: 'x', name: 'x', team: 't', role: 'lead', skills: ['a'], contract: { minDays: 0, maxDays: 31, maxConsecutiveDays: 6, minRestHours: 11, templates: ['E'] } },
    ],
  };
  change(input);
  return { center: parseCenter(input), month: '2027-01', requirements };
}

const x = (c: CenterInput) => c.agents!.find((a) => a.id === 'x')!;
const priceOf = (p: RosterProblem, id: string) => {
  const all = lowerBound(p, highs, 60_000).bound;
  const r = RELAXATIONS.find((x) => x.id === id)!;
  const relaxed = lowerBound(r.relax(p), highs, 60_000, r.design).bound;
  return { all, relaxed, price: all - relaxed };
};

describe('the price of each rule, by hand', () => {
  it('start times (R4, H4): E at 08:00 misses 14:00–18:00 (4 h short); any start lets it cover them (4 × 1/12)', () => {
    const r = priceOf(problem(() => {}, need(14, 18)), 'start-times');
    expect(r.all).toBeCloseTo(4, 6);
    expect(r.relaxed).toBeCloseTo(4 * BREAK, 6);
    expect(r.price).toBeCloseTo(4 - 4 * BREAK, 6);
  });

  it('hourly breaks (R7): L covers 14:00–18:00 but for 4 breaks, 1/3 h; without them nothing is short', () => {
    const r = priceOf(problem((c) => (x(c).contract!.templates = ['L']), need(14, 18)), 'breaks');
    expect(r.all).toBeCloseTo(4 * BREAK, 6);
    expect(r.price).toBeCloseTo(4 * BREAK, 6);
  });

  it('bus departures (R12): a 12:15 bus leaves only the start ending at 12:00; without it the 14:00 start', () => {
    const p = problem((c) => {
      c.shiftTemplates = [{ id: 'E', start: ['08:00', '14:00'], minutes: 240 }];
      c.busDepartures = ['12:15'];
    }, need(14, 18));
    const r = priceOf(p, 'bus');
    expect(r.all).toBeCloseTo(4, 6);
    expect(r.price).toBeCloseTo(4 - 4 * BREAK, 6);
  });

  it('skills (H2): x works queue a only; b\'s 14:00–18:00 is short 4 h, 4 × 1/12 with the skill', () => {
    const r = priceOf(problem((c) => (x(c).contract!.templates = ['L']), need(14, 18, 'b')), 'skills');
    expect(r.all).toBeCloseTo(4, 6);
    expect(r.price).toBeCloseTo(4 - 4 * BREAK, 6);
  });

  it('leave (H3) and days a month (C3): x away that day, or given no day at all: 4 h short; available: 4 × 1/12', () => {
    const away = priceOf(problem((c) => {
      x(c).contract!.templates = ['L'];
      x(c).unavailable = [{ date: DAY, reason: 'leave' }];
    }, need(14, 18)), 'leave');
    expect(away.all).toBeCloseTo(4, 6);
    expect(away.price).toBeCloseTo(4 - 4 * BREAK, 6);
    const none = priceOf(problem((c) => {
      x(c).contract = { ...x(c).contract!, templates: ['L'], maxDays: 0 };
    }, need(14, 18)), 'month-days');
    expect(none.price).toBeCloseTo(4 - 4 * BREAK, 6);
  });

  it('rest (C1): L on the 4th ends 18:00 and E on the 5th starts 08:00, 14 h apart against 16 required: one of them only', () => {
    const p = problem((c) => {
      x(c).contract = { ...x(c).contract!, templates: ['E', 'L'], minRestHours: 16 };
    }, [...need(14, 18), ...need(8, 12, 'a', '2027-01-05')]);
    const r = priceOf(p, 'rest');
    expect(r.all).toBeCloseTo(4 + 4 * BREAK, 6);
    expect(r.relaxed).toBeCloseTo(8 * BREAK, 6);
  });

  it('meal window (R8): an 8-hour E with its meal in 11:00–13:00 covers only one of those two hours; anywhere, both', () => {
    const p = problem((c) => {
      c.shiftTemplates = [{ id: 'E', start: '08:00', minutes: 480, meal: { minutes: 60, from: '11:00', to: '13:00' } }];
    }, need(11, 13));
    const r = priceOf(p, 'meal-window');
    expect(r.all).toBeCloseTo(1 + BREAK, 6);
    expect(r.relaxed).toBeCloseTo(2 * BREAK, 6);
  });

  it('one queue a shift: x (skills a and b) works L, 14:00–18:00; a needs 14–16 and b 16–18 — one queue covers 2 h, a split all 4', () => {
    const p = problem((c) => {
      x(c).contract!.templates = ['L'];
      x(c).skills = ['a', 'b'];
    }, [...need(14, 16), ...need(16, 18, 'b')]);
    const r = priceOf(p, 'one-queue');
    expect(r.all).toBeCloseTo(2 + 2 * BREAK, 6);
    expect(r.relaxed).toBeCloseTo(4 * BREAK, 6);
  });

  it('near miss: a rule that binds nothing has no price (rest, consecutive days and bus on the start-time case)', () => {
    const res = rulePrices(problem(() => {}, need(14, 18)), highs, 60_000);
    expect(res.bound).toBeCloseTo(4, 6);
    // No roster covers 14:00–18:00 (E only), so the optimum is 4: a valid bound at or above the LP's 4 is exactly 4.
    expect(res.wholeShifts!.bound).toBeCloseTo(4, 6);
    for (const id of ['rest', 'consecutive', 'bus', 'meal-window', 'skills']) expect(res.prices.find((p) => p.id === id)!.price).toBeCloseTo(0, 6);
    expect(res.covers).toContain('R12');
  });
});

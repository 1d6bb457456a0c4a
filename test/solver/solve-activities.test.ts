// The roster solve places the center's activities (TR2's exam on days 1–24 in office hours, two seats, and the
// in-seat training on the 30th) for every agent: the in-seat day puts every attendee at work, nothing breaks a
// hard rule, and the solve reports the activities' hours and the understaffing they add.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SolveResult } from '../../solver/problem.ts';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { solveRoster } from '../../solver/solve-roster.ts';
import { MONTH, tinyCenter } from './fixture.ts';

const center = tinyCenter((c) => {
  c.activities = [
    { id: 'exam', rule: 'TR2', minutes: 60, attendees: { role: 'agent' }, days: { from: 1, to: 24 }, hours: { from: '09:00', to: '18:00' }, maxTogether: 2 },
    { id: 'in-seat', rule: 'TR2', minutes: 120, attendees: { role: 'agent' }, days: { from: 30, to: 30 } },
  ];
});
const agents = center.agents.filter((a) => a.role === 'agent').map((a) => a.id);
let result: SolveResult;

beforeAll(async () => {
  result = await solveRoster({ center, month: MONTH, requirements: requirementsFromBankProfile(center, MONTH) }, { moves: 100_000, seed: 3 });
});

describe('the roster solve places TR2 activities', () => {
  it('gives every agent the exam on days 1–24 and the in-seat training on the 30th, with no hard violation', () => {
    expect(result.roster.violations.filter((v) => v.level === 'hard')).toEqual([]);
    for (const [id, days] of [['exam', (d: number) => d <= 24], ['in-seat', (d: number) => d === 30]] as const) {
      const holders = result.roster.assignments.filter((a) => (a.activities ?? []).some((x) => x.activity === id));
      expect(holders.map((a) => a.agent).sort()).toEqual([...agents].sort());
      expect(holders.every((a) => days(Number(a.date.slice(8))))).toBe(true);
    }
  });

  it('reports the activities: placed, none unscheduled, their hours and the understaffing they add', () => {
    expect(result.activities).toMatchObject({ placed: 2 * agents.length, unscheduled: [], activityHours: agents.length * 3 });
    expect(result.activities!.addedUnderstaffed).toBeGreaterThanOrEqual(0);
    expect(result.activities!.addedUnderstaffed).toBeLessThanOrEqual(result.roster.score.understaffed + 1e-9);
  });
});

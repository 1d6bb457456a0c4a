// The solver end to end on the tiny center (fixture.ts): every hard rule kept, the LP bound valid, the solver's
// own objective equal to the rulebook's, and the CLI's validate catching a hand-edited break of a rule.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { command as validate } from '../../src/cli/commands/validate.ts';
import type { SolveResult } from '../../solver/problem.ts';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { evaluate } from '../../solver/rules/evaluate.ts';
import { ruleContextOf, solveRoster } from '../../solver/solve-roster.ts';
import { MONTH, tinyCenter } from './fixture.ts';
import { monthDates } from '../../src/time/local-day.ts';

const center = tinyCenter();
const requirements = requirementsFromBankProfile(center, MONTH);
let result: SolveResult;

beforeAll(async () => {
  result = await solveRoster({ center, month: MONTH, requirements }, { moves: 100_000, seed: 3 });
});

describe('solveRoster on a small center', () => {
  it('keeps every hard rule and reports the month plan, the bound and the phases', () => {
    expect(result.roster.violations.filter((v) => v.level === 'hard')).toEqual([]);
    expect(result.roster.score.hard).toBe(0);
    expect(result.feasibility.feasible).toBe(true);
    expect(result.phases.map((p) => p.phase).some((p) => p.startsWith('local search'))).toBe(true);
  });

  it('never beats its own lower bound (the LP relaxation is a valid bound)', () => {
    expect(Number.isFinite(result.lowerBound.understaffed)).toBe(true);
    expect(result.roster.score.understaffed).toBeGreaterThanOrEqual(result.lowerBound.understaffed - 1e-6);
  });

  it('rosters supervisors for cover only and never a manager; every assignment carries its report time', () => {
    const roles = new Map(center.agents.map((a) => [a.id, a.role]));
    expect(result.roster.assignments.some((a) => roles.get(a.agent) === 'supervisor')).toBe(true);
    expect(result.roster.assignments.some((a) => roles.get(a.agent) === 'manager')).toBe(false);
    expect(result.roster.assignments.every((a) => a.report !== undefined)).toBe(true);
    // Coverage counts phone staff only: a supervisor's shift adds nothing.
    const phone = result.roster.assignments.filter((a) => roles.get(a.agent) !== 'supervisor');
    const evalPhoneOnly = evaluate({ ...result.roster, assignments: phone }, ruleContextOf({ center, month: MONTH, requirements }, monthDates(MONTH)));
    expect(evalPhoneOnly.score.understaffed).toBeCloseTo(result.roster.score.understaffed, 6);
  });

  it('prices the roster in its search exactly as the rulebook does', () => {
    // Coverage rows are rounded to 1e-6 agents in the roster file, hence 3 decimals.
    expect(result.objective.search).toBeCloseTo(result.objective.rulebook, 3);
  });

  it('scores the roster it returns exactly as the rulebook does', () => {
    const again = evaluate(JSON.parse(JSON.stringify(result.roster)), ruleContextOf({ center, month: MONTH, requirements }, monthDates(MONTH)));
    expect(again.score).toEqual(result.roster.score);
    expect(again.violations.length).toBe(result.roster.violations.length);
  });

  it('stops early and still returns a complete roster when cancelled', async () => {
    const controller = new AbortController();
    let fired = 0;
    // The local search yields to the event loop, so a timer can cancel an in-process solve.
    const pending = solveRoster({ center, month: MONTH, requirements }, {
      timeLimitMs: 3_600_000,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'local search' && fired++ === 0) setTimeout(() => controller.abort(), 10);
      },
    });
    const r = await pending;
    // Not cancelled, the hour's budget would outlast the test's timeout.
    expect(r.cancelled).toBe(true);
    expect(r.roster.assignments.length).toBeGreaterThan(0);
  });
});

describe('shiftcast validate', () => {
  const run = async (rosterJson: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'shiftcast-validate-'));
    const centerFile = join(dir, 'center.json');
    const rosterFile = join(dir, 'roster.json');
    writeFileSync(centerFile, JSON.stringify(center));
    writeFileSync(rosterFile, JSON.stringify(rosterJson));
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      const code = await validate.run(['--center', centerFile, '--roster', rosterFile]);
      return { code, out: lines.join('\n') };
    } finally {
      spy.mockRestore();
    }
  };

  it('passes the solved roster (exit 0)', async () => {
    const { code, out } = await run(result.roster);
    expect(code).toBe(0);
    expect(out).toContain('every hard rule kept');
  });

  it('catches a roster edited by hand to break a rule: the first hourly break of a shift removed (R7)', async () => {
    const edited = JSON.parse(JSON.stringify(result.roster)) as SolveResult['roster'];
    const target = edited.assignments.find((a) => a.breaks.filter((b) => b.kind === 'break').length > 3)!;
    target.breaks = target.breaks.filter((b, k) => !(b.kind === 'break' && k === target.breaks.findIndex((x) => x.kind === 'break')));
    const { code, out } = await run(edited);
    expect(code).toBe(1);
    expect(out).toMatch(/^R7 a break in every full working hour — hard — 1 violation/m);
    expect(out).toContain(`${target.agent}'s shift on ${target.date} has no 5-min break in working hour(s) 1`);
  });
});

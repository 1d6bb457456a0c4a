// The solver keeps what it is given: published days unchanged (P1), the previous month's tail (C1, C2 across the
// boundary), approved leave (H3), and bus departures (R12: only starts ending 10–15 min before a bus).
import { describe, expect, it } from 'vitest';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { solveRoster } from '../../solver/solve-roster.ts';
import { MONTH, shift, tinyCenter } from './fixture.ts';

describe('solveRoster with published days, a previous month and leave', () => {
  it('keeps the published 5 December, respects the November tail and the leave', async () => {
    const center = tinyCenter();
    const pinned = [shift('s1', '2026-12-05', 'E'), shift('s2', '2026-12-05', 'L'), shift('a1', '2026-12-05', 'E'), shift('b1', '2026-12-05', 'L')];
    // a2 worked 25–30 November: a seventh day in a row on 1 December would break C2 (max 6).
    // a4's last November shift ends at 23:00: E at 08:00 on 1 December would leave 9 h of rest (C1: 11 h).
    const previous = [
      ...['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'].map((d) => shift('a2', d, 'E')),
      shift('a4', '2026-11-30', 'L', '12:00', { minutes: 660 }),
    ];
    const leave = [{ agent: 'a3', date: '2026-12-10' }, { agent: 'a3', date: '2026-12-11' }];
    const requirements = requirementsFromBankProfile(center, MONTH);
    const { roster } = await solveRoster({ center, month: MONTH, requirements, pinned, pinnedDates: ['2026-12-05'], previous, leave }, { moves: 50_000 });
    expect(roster.violations.filter((v) => v.level === 'hard')).toEqual([]);
    expect(roster.assignments.filter((a) => a.date === '2026-12-05')).toEqual(pinned);
    expect(roster.assignments.some((a) => a.agent === 'a2' && a.date === '2026-12-01')).toBe(false);
    expect(roster.assignments.some((a) => a.agent === 'a4' && a.date === '2026-12-01' && a.shift === 'E')).toBe(false);
    expect(roster.assignments.some((a) => a.agent === 'a3' && (a.date === '2026-12-10' || a.date === '2026-12-11'))).toBe(false);
  });
});

describe('solveRoster with bus departures (R12)', () => {
  it('starts the floating shift only where it ends 10–15 min before a bus', async () => {
    // E ends 16:00 (bus 16:15), L ends 20:00 (bus 20:10); F (4 h, start 09:00–16:00) may start only at 12:00,
    // 13:00 or 16:00 (ending 16:00, 17:00, 20:00: 15, 15 and 10 min before a bus).
    const center = tinyCenter((c) => (c.busDepartures = ['16:15', '17:15', '20:10']));
    const requirements = requirementsFromBankProfile(center, MONTH);
    const { roster } = await solveRoster({ center, month: MONTH, requirements }, { moves: 50_000 });
    expect(roster.violations.filter((v) => v.rule === 'R12' || v.level === 'hard')).toEqual([]);
    const floating = roster.assignments.filter((a) => a.shift === 'F');
    expect(floating.length).toBeGreaterThan(0);
    for (const a of floating) expect(['12:00', '13:00', '16:00']).toContain(a.start.slice(11, 16));
  });
});

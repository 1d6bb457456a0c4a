/** What a VTO window takes off one agent's shift (src/intraday/vto/vto-cut.ts), case by case. */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../solver/roster.ts';
import { vtoCut } from '../../src/intraday/vto/vto-cut.ts';
import { rule as r7 } from '../../solver/rules/r7-hourly-break.ts';
import { rule as r9 } from '../../solver/rules/r9-break-placement.ts';
import { context, roster, tinyCenter } from '../solver/fixture.ts';

const at = (hhmm: string) => `2026-12-20T${hhmm}:00+08:00`;
const ms = (hhmm: string) => Date.parse(at(hhmm));
// The tiny center: Asia/Shanghai, 5-minute hourly breaks (R7), none in a shift's first 30 minutes (R9).
const center = tinyCenter();
const shift = (from: string, to: string, extra: Partial<Assignment> = {}): Assignment =>
  ({ agent: 'a01', date: '2026-12-20', shift: 'E', queue: 'csr', start: at(from), end: at(to), breaks: [], ...extra });
const cut = (own: Assignment[], from: string, to: string) => vtoCut(own, 'csr', ms(from), ms(to), center);

describe('the time off a VTO window takes', () => {
  it('a shift ending inside the window goes home at its start; breaks in the time off go, the rest stay', () => {
    const hourly = ['08:40', '09:40', '10:40', '11:40', '13:40', '14:40', '15:40', '16:40'].map((t) => ({ start: at(t), minutes: 5, kind: 'break' as const }));
    const a = shift('08:00', '17:00', { breaks: [{ start: at('12:00'), minutes: 60, kind: 'meal' }, ...hourly] });
    const c = cut([a], '16:00', '18:00');
    expect(c).toMatchObject({ mode: 'leave-early', offStartMs: ms('16:00'), offEndMs: ms('17:00') });
    expect('after' in c && c.after).toMatchObject({ start: at('08:00'), end: at('16:00') });
    expect('after' in c && c.after!.breaks.map((b) => b.start).sort()).toEqual([at('08:40'), at('09:40'), at('10:40'), at('11:40'), at('12:00'), at('13:40'), at('14:40'), at('15:40')]);
  });

  it('a later start re-places the breaks: its hours count from the new start (R7), none in its first 30 minutes (R9)', () => {
    // 10:00–18:00, meal 13:00–14:00, a break at :40 of each of its hours. Starting at 11:00, the 11:00 break would
    // sit in the first 30 minutes and the hours 11–12 and 15–16 (counted from 11:00 around the meal) lose theirs.
    const breaks = ['10:40', '11:40', '12:40', '14:40', '15:40', '16:40'].map((t) => ({ start: at(t), minutes: 5, kind: 'break' as const }));
    const a = shift('10:00', '18:00', { breaks: [{ start: at('11:00'), minutes: 5, kind: 'break' }, { start: at('13:00'), minutes: 60, kind: 'meal' }, ...breaks.slice(1)] });
    const c = cut([a], '09:00', '11:00');
    if (!('after' in c) || !c.after) throw new Error(`expected a start-late cut, got ${JSON.stringify(c)}`);
    expect(c.after).toMatchObject({ start: at('11:00'), end: at('18:00') });
    expect(c.after.breaks.some((b) => b.start === at('11:00'))).toBe(false);
    const judged = roster([c.after]);
    expect(r7.check(judged, context(center))).toEqual([]);
    expect(r9.check(judged, context(center))).toEqual([]);
    // Near miss: without the re-placement (the kept breaks only) R7 finds the hours without a break.
    const keptOnly = { ...c.after, breaks: a.breaks.filter((b) => b.kind === 'meal' || Date.parse(b.start) >= ms('11:30')) };
    expect(r7.check(roster([keptOnly]), context(center)).length).toBeGreaterThan(0);
  });

  it('a shift starting inside the window starts at its end, and the briefing (R10) moves with it', () => {
    const c = cut([shift('10:00', '19:00', { report: at('09:50') })], '09:00', '11:00');
    expect(c).toMatchObject({ mode: 'start-late', offStartMs: ms('10:00'), offEndMs: ms('11:00'), after: { start: at('11:00'), end: at('19:00'), report: at('10:50') } });
  });

  it('a shift inside the window is a whole shift off; one spanning it would be two pieces', () => {
    expect(cut([shift('10:00', '14:00')], '10:00', '14:00')).toMatchObject({ mode: 'whole-shift', after: null, offStartMs: ms('10:00'), offEndMs: ms('14:00') });
    expect(cut([shift('08:00', '17:00')], '10:00', '14:00')).toEqual({ reason: 'shift E runs through the whole window (it would be cut in two pieces)' });
  });

  it('nobody off shift, on another queue or on overtime in the window is offered time off', () => {
    expect(cut([shift('08:00', '16:00')], '16:00', '17:00')).toEqual({ reason: 'not on shift in the window' });
    expect(cut([shift('08:00', '17:00', { queue: 'tsr' })], '16:00', '18:00')).toEqual({ reason: 'on queue tsr in the window, not csr' });
    expect(cut([shift('08:00', '17:00'), shift('17:00', '19:00', { kind: 'overtime', shift: 'OT' })], '16:00', '18:00')).toMatchObject({ reason: expect.stringContaining('overtime') });
  });

  it('an exam placed in the time off keeps the agent from it (moved first, never dropped)', () => {
    const withExam = shift('08:00', '17:00', { activities: [{ start: at('16:00'), minutes: 60, activity: 'tr2-exam' }] });
    expect(cut([withExam], '16:00', '18:00')).toEqual({ reason: `activity tr2-exam is placed in the time off (${at('16:00')}): move it first` });
    // Near miss: the same exam an hour earlier is outside the time off.
    const earlier = shift('08:00', '17:00', { activities: [{ start: at('15:00'), minutes: 60, activity: 'tr2-exam' }] });
    expect(cut([earlier], '16:00', '18:00')).toMatchObject({ mode: 'leave-early' });
  });
});

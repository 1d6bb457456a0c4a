// Today's activities into the reforecast's surplus (src/intraday/activity-moves.ts, the pure day part), on the
// tiny center: a1 and a2 on E (08:00–16:00, meal 12:00–13:00, no hourly breaks here), a1's exam at 14:00–15:00,
// and a reforecast needing 2 agents all day but 1 at 10:00–11:00. The exam costs 1 agent-hour where it is; moved
// into 10:00–11:00 it costs nothing. Once 10:00 is past (the earliest move 11:00), no place is better: no move.
import { describe, expect, it } from 'vitest';
import { movesOnDay } from '../../src/intraday/activity-moves.ts';
import { MONTH, at, shift, tinyCenter } from '../solver/fixture.ts';

const DAY = '2026-12-01';
const center = tinyCenter((c) => {
  c.rules = { ...c.rules, hourlyBreakMinutes: 0 };
  c.activities = [{ id: 'exam', rule: 'TR2', minutes: 60, attendees: { agents: ['a1'] }, days: { from: 1, to: 1 } }];
});
const assignments = [
  { ...shift('a1', DAY, 'E', undefined, { breaks: [] }), activities: [{ start: at(DAY, '14:00'), minutes: 60, activity: 'exam' }] },
  shift('a2', DAY, 'E', undefined, { breaks: [] }),
];
const requirements = Array.from({ length: 16 }, (_, k) => {
  const m = 8 * 60 + 30 * k;
  const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { queue: 'csr', interval_start: at(DAY, hhmm), required: m >= 12 * 60 && m < 13 * 60 ? 0 : m >= 10 * 60 && m < 11 * 60 ? 1 : 2 };
});
const run = (earliest: string) => movesOnDay({ center, month: MONTH, date: DAY, assignments, requirements, notBeforeMs: Date.parse(at(DAY, earliest)) });

describe('moving today\'s activities into the surplus', () => {
  it('moves the exam from 14:00 into the surplus hour at 10:00: 1 agent-hour short before, none after', () => {
    const r = run('08:45');
    expect(r.moves).toEqual([{ agent: 'a1', activity: 'exam', from: at(DAY, '14:00'), to: at(DAY, '10:00'), minutes: 60 }]);
    expect(r.under).toEqual({ before: 1, after: 0 });
    expect(r.change.removed).toHaveLength(1);
    expect(r.change.added[0].activities).toEqual([{ start: at(DAY, '10:00'), minutes: 60, activity: 'exam' }]);
  });

  it('near miss: from 11:00 on every hour needs both agents, so nothing is better than where it is', () => {
    const r = run('11:00');
    expect(r.moves).toEqual([]);
    expect(r.under).toEqual({ before: 1, after: 1 });
  });

  it('an exam already started is not moved', () => {
    expect(run('14:05').moves).toEqual([]);
  });
});

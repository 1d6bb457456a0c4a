import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseCurtoisQu, readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { ValidationError } from '../../src/errors.ts';

const dir = fileURLToPath(new URL('../../data/curtois-qu/instances/', import.meta.url));

// days, staff, shift types: the table in data/curtois-qu/SOURCE.md (Curtois & Qu 2014).
// on/off requests, cover rows: the data lines of each section, counted independently with
//   awk '/^#/||/^[[:space:]]*$/{next} /^SECTION_/{s=$1; next} {c[s]++} END{for (k in c) print k, c[k]}' InstanceN.txt
const expected: Array<[number, number, number, number, number, number, number]> = [
  // instance, days, staff, shifts, on requests, off requests, cover rows
  [1, 14, 8, 1, 21, 5, 14],
  [2, 14, 14, 2, 50, 12, 28],
  [3, 14, 20, 3, 39, 25, 42],
  [4, 28, 10, 2, 52, 19, 56],
  [5, 28, 16, 2, 79, 27, 56],
  [6, 28, 18, 3, 87, 48, 84],
  [7, 28, 20, 3, 104, 64, 84],
  [8, 28, 30, 4, 139, 86, 112],
  [9, 28, 36, 4, 144, 88, 112],
  [10, 28, 40, 5, 210, 74, 140],
  [11, 28, 50, 6, 197, 139, 168],
  [12, 28, 60, 10, 294, 128, 280],
];

describe('Curtois & Qu reader', () => {
  it.each(expected)('Instance%i: %i days, %i staff, %i shift types, %i on / %i off requests, %i cover rows', (n, days, staff, shifts, on, off, cover) => {
    const inst = readCurtoisQuFile(`${dir}Instance${n}.txt`);
    expect(inst.name).toBe(`Instance${n}`);
    expect(inst.horizon).toBe(days);
    expect(inst.staff).toHaveLength(staff);
    expect(inst.shifts).toHaveLength(shifts);
    expect(inst.onRequests).toHaveLength(on);
    expect(inst.offRequests).toHaveLength(off);
    expect(inst.cover).toHaveLength(cover);
    // Every employee of these instances has at least one fixed day off and a limit for each shift type.
    for (const s of inst.staff) {
      expect(s.daysOff.length).toBeGreaterThan(0);
      expect(Object.keys(s.maxShifts).sort()).toEqual(inst.shifts.map((t) => t.id).sort());
    }
  });

  it('reads the fields of a line as the format defines them (Instance12: shift n1 and employee E)', () => {
    const inst = readCurtoisQuFile(`${dir}Instance12.txt`);
    // "n1,480,a1|a2|a3|d1|d2|d3|p1|p2|p3"
    expect(inst.shifts[9]).toEqual({ id: 'n1', minutes: 480, cannotFollow: ['a1', 'a2', 'a3', 'd1', 'd2', 'd3', 'p1', 'p2', 'p3'] });
    // "E,a1=28|a2=0|a3=28|d1=28|d2=28|d3=28|p1=28|p2=28|p3=28|n1=4,8640,7560,5,2,2,2"
    expect(inst.staff[4]).toMatchObject({
      id: 'E',
      maxShifts: { a1: 28, a2: 0, n1: 4 },
      maxTotalMinutes: 8640,
      minTotalMinutes: 7560,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 2,
    });
  });

  const good = ['SECTION_HORIZON', '2', 'SECTION_SHIFTS', 'D,480,', 'SECTION_STAFF', 'A,D=2,960,0,2,1,1,1', 'SECTION_DAYS_OFF', 'A,1',
    'SECTION_SHIFT_ON_REQUESTS', 'A,0,D,1', 'SECTION_SHIFT_OFF_REQUESTS', 'SECTION_COVER', '0,D,1,100,1', '1,D,1,100,1'];

  it('accepts a minimal hand-written instance', () => {
    const inst = parseCurtoisQu(good.join('\n'), 'mini.txt');
    expect(inst).toMatchObject({ name: 'mini', horizon: 2, onRequests: [{ employee: 0, day: 0, shift: 0, weight: 1 }], offRequests: [] });
    expect(inst.staff[0].daysOff).toEqual([1]);
  });

  function problems(lines: string[]): string[] {
    try {
      parseCurtoisQu(lines.join('\n'), 'bad.txt');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).errors.map((p) => `${p.where}: ${p.message}`);
    }
    return [];
  }

  it('reports malformed lines with file:line', () => {
    const lines = [...good];
    lines[5] = 'A,X=2,960,0,2,1,1,1'; // unknown shift in MaxShifts
    lines[9] = 'A,5,D,1'; // day outside the horizon
    lines[12] = '0,D,one,100,1'; // not a number
    expect(problems(lines)).toEqual([
      'bad.txt:6: employee A: unknown shift "X" in max shifts',
      'bad.txt:10: shift-on request day: day 5 is outside the horizon of 2 days',
      'bad.txt:13: cover requirement: expected a whole number, got "one"',
    ]);
  });

  it('reports a missing section and a short line', () => {
    expect(problems(good.slice(0, 11))).toContain('bad.txt:1: missing SECTION_COVER');
    const lines = [...good];
    lines[3] = 'D,480';
    expect(problems(lines)).toContain('bad.txt:4: shift: expected 3 comma-separated fields, got 2');
  });
});

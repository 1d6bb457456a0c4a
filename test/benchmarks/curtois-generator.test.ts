/**
 * The generated large Curtois & Qu instances (bench/curtois-generator.ts): the same spec and seed give the same
 * text, another seed another one; the text reads back through the benchmark's reader with the spec's sizes,
 * every employee may work some shift and has a feasible schedule on its own (the employee's DP at zero costs),
 * and the cover asks for about what the staff can give.
 */
import { describe, expect, it } from 'vitest';
import { generateCurtoisQu, GENERATED_SPECS } from '../../bench/curtois-generator.ts';
import { parseCurtoisQu } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { employeeDp } from '../../solver/benchmarks/curtois-qu-dp.ts';

const spec = (name: string) => GENERATED_SPECS.find((s) => s.name === name)!;

describe('generated Curtois & Qu instances', () => {
  it('are deterministic for their seed', () => {
    const gen15 = spec('Gen15');
    expect(generateCurtoisQu(gen15, 3)).toBe(generateCurtoisQu(gen15, 3));
    expect(generateCurtoisQu(gen15, 4)).not.toBe(generateCurtoisQu(gen15, 3));
  });

  it.each(['Gen15', 'Gen13', 'GenM100'])('%s reads back with its days, staff and shift types', (name) => {
    const s = spec(name);
    const inst = parseCurtoisQu(generateCurtoisQu(s), `${name}.txt`);
    expect([inst.horizon, inst.staff.length, inst.shifts.length]).toEqual([s.days, s.staff, s.shifts]);
    expect(inst.cover).toHaveLength(s.days * s.shifts);
    expect(inst.onRequests.length).toBeGreaterThan(0);
    expect(inst.offRequests.length).toBeGreaterThan(0);
    for (const e of inst.staff) expect(inst.shifts.some((sh) => (e.maxShifts[sh.id] ?? s.days) > 0)).toBe(true);
    // Cover minutes within 10% of the middle of the staff's minimum and maximum minutes.
    const demand = inst.cover.reduce((n, c) => n + c.requirement * inst.shifts[c.shift].minutes, 0);
    const supply = inst.staff.reduce((n, e) => n + (e.minTotalMinutes + e.maxTotalMinutes) / 2, 0);
    expect(Math.abs(demand / supply - 1)).toBeLessThan(0.1);
  });

  it('gives every employee of Gen15 a schedule that keeps their rules', () => {
    const inst = parseCurtoisQu(generateCurtoisQu(spec('Gen15')), 'Gen15.txt');
    const zero = new Float64Array(inst.horizon * inst.shifts.length);
    for (let e = 0; e < inst.staff.length; e++) expect(employeeDp(inst, e)!.solve(zero)).toHaveLength(1);
  });
});

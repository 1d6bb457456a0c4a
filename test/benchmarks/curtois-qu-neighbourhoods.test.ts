/**
 * The LNS neighbourhoods aimed at short cover (solver/benchmarks/curtois-qu-neighbourhoods.ts), on a generated
 * large instance: an empty roster leaves every cover row with a requirement short; the aimed neighbourhood frees
 * employees who may work the short row's shift that day first, and its day window holds that day.
 */
import { describe, expect, it } from 'vitest';
import { generateCurtoisQu, GENERATED_SPECS } from '../../bench/curtois-generator.ts';
import { parseCurtoisQu } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { aimedNeighbourhood, shortCover } from '../../solver/benchmarks/curtois-qu-neighbourhoods.ts';
import { emptySolution } from '../../solver/benchmarks/curtois-qu-instance.ts';
import { Random } from '../../solver/benchmarks/random.ts';

const inst = parseCurtoisQu(generateCurtoisQu(GENERATED_SPECS.find((s) => s.name === 'Gen13')!), 'Gen13.txt');

describe('aimed LNS neighbourhoods', () => {
  it('finds the short cover rows and frees employees able to take one', () => {
    const empty = emptySolution(inst);
    expect(shortCover(inst, empty)).toHaveLength(inst.cover.filter((c) => c.requirement > 0).length);
    const rng = new Random(5);
    for (let k = 0; k < 20; k++) {
      const byDays = k % 2 === 0;
      const n = aimedNeighbourhood(inst, empty, rng, 6, 5, byDays)!;
      expect(n.employees).toHaveLength(byDays ? 18 : 6);
      expect(new Set(n.employees).size).toBe(n.employees.length);
      if (byDays) expect(n.days![1] - n.days![0]).toBe(4);
    }
  });

  it('puts the employees who may work the one short row first', () => {
    const night = inst.shifts.findIndex((s) => s.id === 'n1');
    const one = { ...inst, cover: inst.cover.map((c) => ({ ...c, requirement: c.day === 3 && c.shift === night ? 2 : 0 })) };
    const able = one.staff.filter((s) => (s.maxShifts.n1 ?? one.horizon) > 0 && !s.daysOff.includes(3)).length;
    const n = aimedNeighbourhood(one, emptySolution(one), new Random(2), Math.min(able, 8), 5, true)!;
    expect(n.days).toEqual([1, 5]);
    for (const e of n.employees.slice(0, Math.min(able, 24))) {
      expect(one.staff[e].maxShifts.n1).toBeGreaterThan(0);
      expect(one.staff[e].daysOff).not.toContain(3);
    }
  });

  it('is undefined once no cover row is short', () => {
    const full = { ...inst, cover: inst.cover.map((c) => ({ ...c, requirement: 0 })) };
    expect(aimedNeighbourhood(full, emptySolution(full), new Random(1), 6, 5, false)).toBeUndefined();
  });
});

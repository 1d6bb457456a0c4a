import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { highsRuntime } from '../../solver/benchmarks/highs-mip.ts';
import { priceAndDive } from '../../solver/benchmarks/curtois-qu-price-and-dive.ts';
import { createExchangeBuffer, SharedIncumbent } from '../../solver/benchmarks/incumbent-exchange.ts';

const dir = fileURLToPath(new URL('../../data/curtois-qu/instances/', import.meta.url));

// "New lower bounds found using Column Generation" on schedulingbenchmarks.org (changes page, Curtois's
// benchmark site): the Dantzig–Wolfe LP bound, rounded up, of instances 1–9. Our master and pricing DP
// must reproduce them exactly: a different model (a misread rule) would move the LP optimum.
const published: Array<[number, number]> = [
  [1, 558],
  [2, 828],
  [3, 1001],
  [4, 1716],
  [5, 1141],
  [6, 1949],
  [7, 1055],
  [8, 1297],
  [9, 406],
];

describe('column generation lower bound', () => {
  it.each(published)('Instance%i: root LP bound %i', async (n, bound) => {
    const highs = await highsRuntime();
    const inst = readCurtoisQuFile(`${dir}Instance${n}.txt`);
    const exchange = new SharedIncumbent(createExchangeBuffer(inst.staff.length, inst.horizon), inst.staff.length, inst.horizon);
    const result = priceAndDive(highs, inst, { deadline: Infinity, seed: 1, exchange, rootOnly: true });
    expect(result?.feasible).toBe(true);
    expect(exchange.bound).toBe(bound);
  });
});

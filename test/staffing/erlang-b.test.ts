import { describe, expect, it } from 'vitest';
import { erlangB, erlangBLinesRequired, erlangBTable } from '../../src/staffing/erlang-b.ts';
import { logSpaceErlangB } from './log-space-erlang.ts';
import { close, readReferenceCsv } from './reference-tables.ts';

// Published values: data/erlang-reference/SOURCE.md ("Erlang B: 1 Erlang on 1 line blocks 0.5, on 2 lines 0.2;
// 10 Erlangs at ≤ 2% blocking → 17 lines").
describe('Erlang B', () => {
  it('1 Erlang blocks 0.5 on 1 line and 0.2 on 2 lines', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 15);
    expect(erlangB(1, 2)).toBeCloseTo(0.2, 15);
  });

  it('10 Erlangs at ≤ 2% blocking need 17 lines; 16 lines block more than 2% (near miss)', () => {
    expect(erlangBLinesRequired(10, 0.02)).toBe(17);
    expect(erlangB(10, 16)).toBeGreaterThan(0.02);
    expect(erlangB(10, 17)).toBeLessThanOrEqual(0.02);
  });

  it('matches every erlang_b value of erlangc_grid.csv', () => {
    const rows = readReferenceCsv('erlangc_grid.csv');
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const b = erlangB(r.traffic_erlangs, r.agents);
      if (!close(b, r.erlang_b, 1e-10)) throw new Error(`B(${r.agents}, ${r.traffic_erlangs}) = ${b}, table ${r.erlang_b}`);
    }
  });

  it('the table form agrees with single values, and zero servers block everything', () => {
    const table = erlangBTable(7.5, 20);
    expect(table[0]).toBe(1);
    expect(table[12]).toBe(erlangB(7.5, 12));
    expect(erlangB(3, 0)).toBe(1);
  });

  it('agrees with an independent log-space computation for thousands of servers', () => {
    // 4000! overflows a double (≈ 10^12673), so a direct formula fails; log space and the recursion must agree.
    for (const [a, n] of [[4000, 4000], [4000, 4100], [2500, 2600], [300, 280]]) {
      const b = erlangB(a, n);
      expect(close(b, logSpaceErlangB(a, n), 1e-9)).toBe(true);
    }
  });

  it('rejects negative traffic and fractional servers', () => {
    expect(() => erlangB(-1, 3)).toThrow(RangeError);
    expect(() => erlangB(1, 2.5)).toThrow(RangeError);
  });
});

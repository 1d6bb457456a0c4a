// Benchmark requirements from the bank traffic (data/bank-calls-2003, SOURCE.md: "Peak around 10:20; Mondays highest").
import { describe, expect, it } from 'vitest';
import { readBankProfile, requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { MONTH, tinyCenter } from './fixture.ts';

describe('requirements from the bank profile', () => {
  const profile = readBankProfile();

  it('reads the weekday profile: Mondays highest, peak slot around 10:20', () => {
    expect(profile.weekdayFactor.indexOf(Math.max(...profile.weekdayFactor))).toBe(0);
    expect(profile.weekdayFactor.reduce((a, b) => a + b, 0) / 5).toBeCloseTo(1, 12);
    const peakSlot = profile.perSlot.indexOf(Math.max(...profile.perSlot));
    const minutes = 7 * 60 + peakSlot * 5;
    expect(Math.abs(minutes - (10 * 60 + 20))).toBeLessThanOrEqual(30);
  });

  it('scales each queue to 90% of its team\'s on-phone hours', () => {
    // csr team t1: l1, a1–a4 on E/L (8 h − 60 min meal, less 5/60 breaks = 6.4167 h, 19.5 days mid-contract)
    // and f1 on F (4 h less 5/60 = 3.6667 h, 15 days): 5 × 125.125 + 55 = 680.625 h; 90% = 612.56 agent-hours.
    const center = tinyCenter();
    const rows = requirementsFromBankProfile(center, MONTH, { profile });
    const hours = rows.filter((r) => r.queue === 'csr').reduce((s, r) => s + r.required * 0.5, 0);
    expect(Math.abs(hours - 612.5625) / 612.5625).toBeLessThan(0.03);
    expect(rows.every((r) => Number.isInteger(r.required) && r.required >= 0)).toBe(true);
  });
});

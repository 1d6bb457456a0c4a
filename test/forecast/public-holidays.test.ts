/**
 * Default holiday calendars by time zone, against the published US federal holiday dates (OPM's holiday tables)
 * and China's fixed-date statutory holidays; the decision to take them as closed comes from the history.
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/index.ts';
import { holidayCountry, publicHolidays } from '../../src/forecast/public-holidays.ts';
import { syntheticTraffic } from './fixtures/synthetic-traffic.ts';

describe('public holidays', () => {
  it('US 2003 as observed (OPM): Memorial Day 26 May, Independence Day Friday 4 July, Labor Day 1 September', () => {
    expect(publicHolidays('America/New_York', '2003-05-01', '2003-09-30').map((h) => h.date)).toEqual(['2003-05-26', '2003-07-04', '2003-09-01']);
  });
  it('a holiday on a weekend is observed on the Friday before or the Monday after (2021: 5 July, 24 and 31 December)', () => {
    const dates = publicHolidays('America/Chicago', '2021-07-01', '2021-12-31').map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2021-07-05', '2021-11-25', '2021-12-24', '2021-12-31']));
  });
  it('China: the fixed-date statutory days; near miss: a zone without a calendar has none', () => {
    expect(publicHolidays('Asia/Shanghai', '2026-09-30', '2026-10-05').map((h) => h.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
    expect(holidayCountry('Europe/Paris')).toBeNull();
    expect(publicHolidays('Europe/Paris', '2026-01-01', '2026-12-31')).toEqual([]);
  });
});

describe('public holidays taken as closed from the history', () => {
  const shape = (m: number) => (m >= 480 && m < 1080 ? 50 : null);
  // Mon–Fri, closed on Memorial Day 2025 (26 May): Independence Day (Friday 4 July) is forecast closed.
  const rows = syntheticTraffic({ zone: 'America/New_York', from: '2025-04-07', days: 84, intervalMinutes: 30, volume: (d, w, m) => (w >= 6 || d === '2025-05-26' ? null : shape(m)) });
  const r = forecast(rows, { from: '2025-06-30', days: 14, intervalMinutes: 30, zone: 'America/New_York' });

  it('closed on 4 July, and the Monday after carries the default share of it', () => {
    // Closed on Memorial Day, open on Juneteenth (19 June, a Thursday): 4 July follows the history's majority.
    expect(r.report.queues[0].holidays).toMatch(/^public holidays taken as closed days: 1 of the 2 public holiday\(s\) in the history had no traffic \(2025-05-26 closed, 2025-06-19 open\)/);
    expect(r.points.some((p) => p.intervalStart.startsWith('2025-07-04'))).toBe(false);
    expect(r.report.queues[0].specialDays.find((t) => t.date === '2025-07-07')?.treatment).toMatch(/learned from the history's closed days|default share/);
  });
  it('near miss: open on Memorial Day, nothing is closed', () => {
    const open = syntheticTraffic({ zone: 'America/New_York', from: '2025-04-07', days: 84, intervalMinutes: 30, volume: (_d, w, m) => (w >= 6 ? null : shape(m)) });
    const q = forecast(open, { from: '2025-06-30', days: 14, intervalMinutes: 30, zone: 'America/New_York' });
    expect(q.points.some((p) => p.intervalStart.startsWith('2025-07-04'))).toBe(true);
  });
});

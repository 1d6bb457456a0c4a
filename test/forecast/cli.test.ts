/**
 * The command-line path end to end on a center unlike the bank: open 24×7 in Asia/Jerusalem, with a
 * Sunday–Thursday working week, a short Friday and a quiet Saturday, in 15-minute rows. Nothing about that
 * week is configured: only the history file and the zone. The horizon holds 2024-10-27, the day Israel leaves
 * daylight saving time (25 hours).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { command as accuracyCommand } from '../../src/cli/commands/accuracy.ts';
import { command as forecastCommand } from '../../src/cli/commands/forecast.ts';
import { UsageError } from '../../src/cli/command.ts';
import { ValidationError } from '../../src/errors.ts';
import { readForecastFile, type ForecastPoint } from '../../src/formats/forecast-csv.ts';
import { syntheticTraffic, trafficCsv } from './fixtures/synthetic-traffic.ts';

const ZONE = 'Asia/Jerusalem';
/** Expected calls per 15 minutes. */
function expected(w: number, m: number): number {
  const h = m / 60;
  if (w === 5) return h >= 8 && h < 13 ? 25 : 3; // short Friday
  if (w === 6) return h >= 9 && h < 21 ? 5 : 3; // quiet Saturday
  if (h < 7) return 2;
  if (h < 18) return 40 * (1 + 0.5 * Math.sin(((h - 7) / 11) * Math.PI));
  return 10;
}
const volume = (_d: string, w: number, m: number) => expected(w, m);
/** Expected calls in a forecast half-hour (two 15-minute means), from its local wall-clock time. */
function truthOf(p: ForecastPoint): number {
  const local = new Date(Date.parse(p.intervalStart) + Number(p.intervalStart.slice(-6, -3)) * 3_600_000);
  const w = ((local.getUTCDay() + 6) % 7) + 1;
  const m = local.getUTCHours() * 60 + local.getUTCMinutes();
  return expected(w, m) + expected(w, m + 15);
}

let dir: string;
let points: ForecastPoint[];
let printed: string;

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await fn();
    return { code, out: log.mock.calls.map((c) => c.join(' ')).join('\n'), err: error.mock.calls.map((c) => c.join(' ')).join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shiftcast-forecast-'));
  await writeFile(join(dir, 'history.csv'), trafficCsv(syntheticTraffic({ zone: ZONE, from: '2024-08-04', days: 84, intervalMinutes: 15, seed: 5, volume })));
  await writeFile(join(dir, 'actual.csv'), trafficCsv(syntheticTraffic({ zone: ZONE, from: '2024-10-27', days: 7, intervalMinutes: 15, seed: 6, volume })));
  const run = await capture(() => forecastCommand.run(['--history', join(dir, 'history.csv'), '--from', '2024-10-27', '--days', '7', '--zone', ZONE, '--out', join(dir, 'forecast.csv')]));
  expect(run.code).toBe(0);
  printed = run.out;
  points = await readForecastFile(join(dir, 'forecast.csv'), ZONE);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shiftcast forecast on a 24×7 Sunday–Thursday center', () => {
  const byDate = () => {
    const out = new Map<string, ForecastPoint[]>();
    for (const p of points) out.set(p.intervalStart.slice(0, 10), [...(out.get(p.intervalStart.slice(0, 10)) ?? []), p]);
    return out;
  };
  const total = (ps: ForecastPoint[]) => ps.reduce((a, p) => a + p.offered, 0);

  it('learns every hour of every day as open, and prints the backtest table', () => {
    expect(printed).toMatch(/open hours: Mon 00:00–24:00, Tue 00:00–24:00, Wed 00:00–24:00, Thu 00:00–24:00, Fri 00:00–24:00, Sat 00:00–24:00, Sun 00:00–24:00/);
    expect(printed).toMatch(/model\s+wMAPE\s+MAPE\s+bias\s+RMSE\s+vs seasonal naive/);
    expect(printed).toMatch(/chosen: /);
  });

  it('writes 48 half-hours a day, 50 on the 25-hour day 2024-10-27', () => {
    const days = byDate();
    expect([...days.keys()]).toEqual(['2024-10-27', '2024-10-28', '2024-10-29', '2024-10-30', '2024-10-31', '2024-11-01', '2024-11-02']);
    expect(days.get('2024-10-27')).toHaveLength(50);
    for (const [date, ps] of days) if (date !== '2024-10-27') expect(ps).toHaveLength(48);
  });

  it('keeps the week: Sunday–Thursday busiest, then the short Friday, then Saturday', () => {
    const days = byDate();
    const friday = total(days.get('2024-11-01')!);
    const saturday = total(days.get('2024-11-02')!);
    for (const d of ['2024-10-28', '2024-10-29', '2024-10-30', '2024-10-31']) expect(total(days.get(d)!)).toBeGreaterThan(1.5 * friday);
    expect(friday).toBeGreaterThan(saturday);
    const fri = days.get('2024-11-01')!;
    const at = (hh: string) => fri.find((p) => p.intervalStart.slice(11, 16) === hh)!.offered;
    expect(at('10:00')).toBeGreaterThan(5 * at('15:00')); // Friday closes its busy window at 13:00
  });

  it('is close to the true expected volume (interval wMAPE under 8%)', () => {
    let abs = 0;
    let sum = 0;
    for (const p of points) {
      abs += Math.abs(p.offered - truthOf(p));
      sum += truthOf(p);
    }
    expect(abs / sum).toBeLessThan(0.08);
  });
});

describe('shiftcast accuracy', () => {
  it('prints the levels table against the actual week', async () => {
    const run = await capture(() => accuracyCommand.run(['--forecast', join(dir, 'forecast.csv'), '--actual', join(dir, 'actual.csv'), '--zone', ZONE, '--by', 'day']));
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/level\s+n\s+actual\s+forecast\s+MAPE\s+wMAPE\s+bias\s+RMSE\s+MASE/);
    expect(run.out).toMatch(/^interval\s+338\s/m); // 6 × 48 + 50 half-hours, all with actuals
    expect(run.out).toMatch(/^2024-10-27 /m);
    // Even the true mean misses Poisson actuals by E|X − λ| = 2e^{−λ} λ^{⌊λ⌋+1} / ⌊λ⌋! (the Poisson mean absolute
    // deviation, Crow 1958): the printed wMAPE must be within 15% of that noise floor.
    const wmape = Number(/^interval(?:\s+\S+){4}\s+([\d.]+)%/m.exec(run.out)![1]) / 100;
    let floor = 0;
    let volume = 0;
    for (const p of points) {
      const lambda = truthOf(p);
      let term = 2 * Math.exp(-lambda) * lambda;
      for (let k = 1; k <= Math.floor(lambda); k++) term *= lambda / k;
      floor += term;
      volume += lambda;
    }
    expect(wmape).toBeLessThan(1.15 * (floor / volume));
  });
});

describe('bad command lines', () => {
  it('a missing flag is a usage error', async () => {
    await expect(forecastCommand.run(['--history', 'h.csv', '--days', '7', '--out', 'f.csv'])).rejects.toThrow(UsageError);
  });

  it('an unknown zone is refused before the file is read', async () => {
    const run = forecastCommand.run(['--history', join(dir, 'history.csv'), '--from', '2024-10-27', '--days', '7', '--zone', 'Asia/Nowhere', '--out', join(dir, 'x.csv')]);
    await expect(run).rejects.toThrow(ValidationError);
    await expect(readFile(join(dir, 'x.csv'))).rejects.toThrow();
  });
});

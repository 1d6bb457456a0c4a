/**
 * npm run bench:forecast — forecast accuracy and speed.
 *
 * 1. Accuracy: the real bank call data of data/bank-calls-2003 (Shen & Huang, MSOM 2008; R package fpp2,
 *    `calls`), 30-minute intervals, month ahead: July 2003 is forecast from the history before 1 July, August
 *    from the history before 1 August. wMAPE of every model and of the automatic choice on the actual months,
 *    against seasonal naive and the best weighted-historical-index variant. The US holidays of the period
 *    (Memorial Day, Independence Day, both closed) are given as special days, as a planner would.
 * 2. Speed: forecast() with the automatic choice (backtest of every model) for 3 queues × 31 days × 48
 *    half-hours from 6 months of 5-minute history: the bank file as 3 scaled queues, and a 24×7 synthetic
 *    center. Medians of several runs.
 */
import { Readable } from 'node:stream';
import { readTrafficCsv, readTrafficFile } from '../src/formats/traffic-csv.ts';
import type { TrafficRow } from '../src/formats/traffic-csv.ts';
import { accuracy, forecast, SEASONAL_NAIVE } from '../src/forecast/index.ts';
import { pct, textTable } from '../src/forecast/report-text.ts';
import type { SpecialDay } from '../src/forecast/types.ts';
import { syntheticTraffic, trafficCsv } from '../test/forecast/fixtures/synthetic-traffic.ts';

const ZONE = 'America/New_York';
const FILE = new URL('../data/bank-calls-2003/traffic-5min.csv', import.meta.url).pathname;
const HOLIDAYS: SpecialDay[] = [
  { date: '2003-05-26', kind: 'holiday', name: 'Memorial Day', closed: true },
  { date: '2003-07-04', kind: 'holiday', name: 'Independence Day', closed: true },
];
const FOLDS = [
  { label: 'Jul 2003', from: '2003-07-01', end: '2003-08-01' },
  { label: 'Aug 2003', from: '2003-08-01', end: '2003-09-01' },
];
const AUTO = 'auto (chosen)';

const midnight = (date: string) => Date.parse(`${date}T00:00:00-04:00`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function accuracyBench(rows: TrafficRow[]) {
  const errors = new Map<string, Array<{ abs: number; actual: number }>>();
  const chosen: string[] = [];
  for (const fold of FOLDS) {
    const history = rows.filter((r) => r.startMs < midnight(fold.from));
    const actual = rows.filter((r) => r.startMs >= midnight(fold.from) && r.startMs < midnight(fold.end));
    const result = forecast(history, { from: fold.from, days: 31, intervalMinutes: 30, zone: ZONE, model: 'auto', specialDays: HOLIDAYS, allModels: true });
    chosen.push(`${fold.label}: ${result.report.queues[0].chosen.model}`);
    for (const [name, points] of [[AUTO, result.points] as const, ...Object.entries(result.byModel!)]) {
      const m = accuracy(points, actual, { zone: ZONE }).queues[0].levels.interval;
      const list = errors.get(name) ?? [];
      list[FOLDS.indexOf(fold)] = { abs: (m.mae ?? 0) * m.n, actual: m.actual };
      errors.set(name, list);
    }
  }
  const pooled = (name: string) => {
    const list = errors.get(name)!;
    if (!FOLDS.every((_, i) => list[i])) return NaN;
    return list.reduce((a, x) => a + x.abs, 0) / list.reduce((a, x) => a + x.actual, 0);
  };
  const naive = pooled(SEASONAL_NAIVE);
  // Models scored in both months first (by pooled wMAPE), then those of one month only (combinations differ).
  const key = (n: string) => (Number.isNaN(pooled(n)) ? 1e9 : pooled(n));
  const names = [...errors.keys()].sort((a, b) => key(a) - key(b));
  console.log(textTable(
    ['model', ...FOLDS.map((f) => `${f.label} wMAPE`), 'both months', 'vs seasonal naive'],
    names.map((n) => [n, ...FOLDS.map((_, i) => errors.get(n)![i]).map((x) => (x ? pct(x.abs / x.actual) : '—')), pct(pooled(n)), Number.isNaN(pooled(n)) ? '—' : (pooled(n) / naive).toFixed(3)]),
  ));
  console.log(`chosen by backtest: ${chosen.join('; ')}`);
  const whi = names.filter((n) => n.startsWith('whi-') && !Number.isNaN(pooled(n)))[0];
  const auto = pooled(AUTO);
  const ratio = auto / naive;
  console.log(`check: auto wMAPE ${pct(auto)} ≤ 0.85 × seasonal naive (${pct(naive)}): ratio ${ratio.toFixed(3)} → ${ratio <= 0.85 ? 'PASS' : 'FAIL'}`);
  console.log(`check: auto wMAPE ${pct(auto)} ≤ best weighted-index variant ${whi} (${pct(pooled(whi))}) → ${auto <= pooled(whi) ? 'PASS' : 'FAIL'}`);
  return ratio <= 0.85 && auto <= pooled(whi);
}

async function parse(csv: string): Promise<TrafficRow[]> {
  const rows: TrafficRow[] = [];
  for await (const batch of readTrafficCsv(Readable.from([csv]), { zone: ZONE, source: 'bench' })) rows.push(...batch);
  return rows;
}

/** Median, min and max seconds of `runs` forecasts; with `csv`, the CSV is parsed first inside the timing. */
async function time(label: string, history: TrafficRow[], from: string, runs: number, csv?: string) {
  const ms: number[] = [];
  let points = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const rows = csv ? await parse(csv) : history;
    points = forecast(rows, { from, days: 31, intervalMinutes: 30, zone: ZONE, model: 'auto' }).points.length;
    ms.push(performance.now() - t0);
  }
  return [label, String(history.length), String(points), (median(ms) / 1000).toFixed(2), (Math.min(...ms) / 1000).toFixed(2), (Math.max(...ms) / 1000).toFixed(2)];
}

async function main() {
  const t0 = performance.now();
  const rows = await readTrafficFile(FILE, { zone: ZONE });
  const readSeconds = (performance.now() - t0) / 1000;
  console.log(`bank calls 2003: ${rows.length} five-minute rows read in ${readSeconds.toFixed(2)} s; 30-minute intervals, month-ahead, zone ${ZONE}`);
  console.log('wMAPE on the actual month (Σ|actual − forecast| / Σ actual over every 30-minute interval with data)\n');
  const ok = accuracyBench(rows);

  const scaled = [1, 0.6, 1.5].flatMap((k, q) => rows.map((r) => ({ ...r, queue: `q${q + 1}`, offered: Math.round(r.offered * k) })));
  const hourly = [1, 0.9, 0.8, 0.7, 0.6, 0.7, 1.2, 2.5, 4, 5, 5.5, 5.2, 4.8, 5, 5.2, 5, 4.6, 4, 3.4, 3, 2.6, 2.2, 1.8, 1.3];
  const synthetic = [1, 0.6, 1.5].flatMap((k, q) => syntheticTraffic({
    zone: ZONE, from: '2003-03-03', days: 182, intervalMinutes: 5, queue: `q${q + 1}`, seed: 11 + q,
    volume: (_d, w, minute, day) => k * (w >= 6 ? 0.6 : 1) * (1 + day / 900) * hourly[Math.floor(minute / 60)] * 4,
  }));
  console.log('\ntiming: forecast() with model auto (backtest of every model, 4 origins), 31 days × 30-minute intervals');
  console.log(textTable(['history (5-minute rows, 6 months)', 'rows', 'points', 'median s', 'min s', 'max s'], [
    await time('bank file as 3 scaled queues (Mon–Fri 07:00–21:05)', scaled, '2003-09-01', 5),
    await time('24×7 synthetic center, 3 queues (48 intervals a day)', synthetic, '2003-09-01', 3),
    await time('the same, CSV text parsed first (the CLI path)', synthetic, '2003-09-01', 3, trafficCsv(synthetic)),
  ]));
  if (!ok) process.exitCode = 1;
}

await main();

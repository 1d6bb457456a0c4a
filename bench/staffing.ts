/**
 * Staffing benchmark (npm run bench:staffing): time to compute requirements for 3 queues (Erlang C, Erlang A,
 * outbound) × 31 days × 96 fifteen-minute intervals from a seeded synthetic forecast, plus single Erlang C / A
 * searches by traffic size and the month's headcount plan. Every time is the median of several runs (the first,
 * cold run — JIT warm-up included — is shown apart). Fixed seed: the same forecast on every machine.
 */
import { parseCenter } from '../src/domain/center-loader.ts';
import { generateCenter, seededRandom } from '../src/demo/generate-center.ts';
import type { ForecastPoint } from '../src/formats/forecast-csv.ts';
import { erlangAAgentsRequired } from '../src/staffing/erlang-a-agents.ts';
import { erlangCAgentsRequired } from '../src/staffing/erlang-c-agents.ts';
import { staffingPlan } from '../src/staffing/hiring-gap.ts';
import { computeRequirements } from '../src/staffing/requirements.ts';
import { dayIntervals, monthDates } from '../src/time/local-day.ts';

const RUNS = 15;
const MONTH = '2026-12';

function time<T>(f: () => T): [number, T] {
  const t = performance.now();
  const value = f();
  return [performance.now() - t, value];
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function printTable(title: string, rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\n${title}`);
  rows.forEach((r, i) => {
    console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

const input = generateCenter({ agents: 150, seed: 2026 });
input.intervalMinutes = 15;
input.queues = [
  { id: 'csr', kind: 'inbound', serviceLevel: { target: 0.8, seconds: 20 }, maxOccupancy: 0.85, ahtSeconds: 240 },
  { id: 'vip', kind: 'inbound', serviceLevel: { target: 0.9, seconds: 15 }, maxOccupancy: 0.85, patienceSeconds: 120, maxAbandonRate: 0.03, ahtSeconds: 300 },
  { id: 'tsr', kind: 'outbound' },
];
// The first CSR team answers the VIP queue instead.
const vipTeam = input.teams![0];
vipTeam.queue = 'vip';
for (const agent of input.agents!) if (agent.team === vipTeam.id) agent.skills = ['vip'];
const center = parseCenter(input, 'bench center');

// Seeded forecast: intraday double hump (peaks ~10:30 and ~15:00), weekend dip, night trickle, ±10% noise;
// values rounded like the Forecast CSV (3 decimals for calls, 0.1 s for AHT).
const random = seededRandom(42);
const peak = { csr: 260, vip: 45, tsr: 120 } as const;
const forecast: ForecastPoint[] = [];
for (const queue of ['csr', 'vip', 'tsr'] as const) {
  for (const date of monthDates(MONTH)) {
    for (const interval of dayIntervals(date, center.timezone, 15)) {
      const h = interval.minuteOfDay / 60;
      const shape = 0.04 + Math.exp(-(((h - 10.5) / 1.8) ** 2)) + 0.85 * Math.exp(-(((h - 15) / 2.2) ** 2));
      const weekend = interval.weekday >= 6 ? 0.7 : 1;
      const offered = Math.round(peak[queue] * shape * weekend * (0.9 + 0.2 * random()) * 1000) / 1000;
      const aht = queue === 'tsr' ? NaN : Math.round((queue === 'csr' ? 240 : 300) * (0.95 + 0.1 * random()) * 10) / 10;
      forecast.push({ queue, intervalStart: interval.start, offered, ahtSeconds: aht, lower: offered, upper: offered, model: 'bench' });
    }
  }
}

const [coldMs, first] = time(() => computeRequirements(forecast, center));
const warm = stats(Array.from({ length: RUNS }, () => time(() => computeRequirements(forecast, center))[0]));
const distinct = new Set(forecast.map((p) => `${p.queue}|${p.offered}|${p.ahtSeconds}`)).size;
printTable(`Requirements: 3 queues × 31 days × 96 intervals = ${forecast.length} rows (${distinct} distinct (queue, calls, AHT) pairs)`, [
  ['case', 'first run ms', `median ms (${RUNS} runs)`, 'min ms', 'max ms', 'µs / row (median)'],
  ['computeRequirements', coldMs.toFixed(1), warm.median.toFixed(1), warm.min.toFixed(1), warm.max.toFixed(1), ((warm.median * 1000) / forecast.length).toFixed(2)],
]);
printTable('Per queue (December 2026)', [
  ['queue', 'model', 'intervals', 'offered', 'agent-hours', 'peak', 'SL', 'abandon', 'occupancy'],
  ...first.summary.map((s) => [
    s.queue, s.model, String(s.intervals), s.offered.toFixed(0), s.agentHours.toFixed(1), String(s.peakRequired),
    s.serviceLevel === null ? '-' : s.serviceLevel.toFixed(4), s.pAbandon === null ? '-' : s.pAbandon.toFixed(4),
    s.occupancy === null ? '-' : s.occupancy.toFixed(4),
  ]),
]);

// Single searches by size: 80/20, AHT 180 s, occupancy ≤ 85%; Erlang A with 120 s patience and ≤ 5% abandoning.
const sizes = [10, 100, 1000, 5000];
const searchRows = sizes.map((a) => {
  const target = { trafficErlangs: a, ahtSeconds: 180, serviceLevel: { target: 0.8, seconds: 20 }, maxOccupancy: 0.85 };
  const repeat = a >= 1000 ? 20 : 200;
  const per = (f: () => unknown) => stats(Array.from({ length: 7 }, () => time(() => { for (let i = 0; i < repeat; i++) f(); })[0] / repeat)).median;
  const c = erlangCAgentsRequired(target);
  const ea = erlangAAgentsRequired({ ...target, patienceSeconds: 120, maxAbandonRate: 0.05 });
  return [
    String(a), String(c.agents), (per(() => erlangCAgentsRequired(target)) * 1000).toFixed(1),
    String(ea.agents), (per(() => erlangAAgentsRequired({ ...target, patienceSeconds: 120, maxAbandonRate: 0.05 })) * 1000).toFixed(1),
  ];
});
printTable('Single searches (80% in 20 s, AHT 180 s, occupancy ≤ 85%; Erlang A: patience 120 s, abandon ≤ 5%)', [
  ['Erlangs', 'Erlang C agents', 'Erlang C µs', 'Erlang A agents', 'Erlang A µs'],
  ...searchRows,
]);

const plan = staffingPlan({ center, month: MONTH, requirements: first.points, intervalMinutes: 15 });
const planTime = stats(Array.from({ length: 7 }, () => time(() => staffingPlan({ center, month: MONTH, requirements: first.points, intervalMinutes: 15 }))[0]));
printTable(`Headcount plan ${MONTH} (median of 7 runs: ${planTime.median.toFixed(1)} ms)`, [
  ['queue', 'agents', 'required h', 'available h', 'gap h', 'hires'],
  ...plan.queues.map((q) => [
    q.queue, String(q.currentAgents), q.requiredPaidHours.toFixed(1), q.availablePaidHours.toFixed(1), q.gapHours.toFixed(1),
    q.hires.map((h) => `${h.count}${h.tier ? ` ${h.tier}` : ''}`).join(', ') || '0',
  ]),
]);

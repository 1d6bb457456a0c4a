/**
 * Callout benchmark (npm run bench:callout): an overtime callout for a generated 200-agent center
 * (src/demo/generate-center.ts, seed 2026) with a published month roster (each phone agent five days on, two
 * off, on E/M/L shifts, some overtime earlier in the month) on in-memory PGlite. Times: ranking alone (the pure
 * rule checks for every agent), the whole callout service (reads, ranking, insert, outbox), and the HTTP
 * POST /api/centers/:id/callouts round trip. Each is the median of several runs after one warm-up run.
 * Target (issue 7): the callout answers in under 200 ms.
 */
import type { AddressInfo } from 'node:net';
import type { Assignment } from '../solver/roster.ts';
import { createApp } from '../src/api/app.ts';
import { createAppContext } from '../src/api/context.ts';
import { saveCenter } from '../src/db/repos/centers.ts';
import { publishRoster, saveRoster } from '../src/db/repos/rosters.ts';
import { openDb } from '../src/db/open-db.ts';
import { generateCenter, seededRandom } from '../src/demo/generate-center.ts';
import { parseCenter } from '../src/domain/center-loader.ts';
import { loadCalloutInputs } from '../src/intraday/callouts/callout-inputs.ts';
import { calloutRules } from '../src/intraday/callouts/callout-rules.ts';
import { createCallout } from '../src/intraday/callouts/callout-service.ts';
import { rankCandidates } from '../src/intraday/callouts/rank-candidates.ts';
import { createInProcessQueue } from '../src/jobs/in-process-queue.ts';
import { issueTokenFor } from '../src/services/tokens.ts';
import { monthDates } from '../src/time/local-day.ts';

const RUNS = 15;
const MONTH = '2026-12';
const DAY = '2026-12-15';
const WINDOW = { queue: 'csr', from: `${DAY}T17:00:00+08:00`, to: `${DAY}T21:00:00+08:00`, needed: 3 };

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
}

async function measure(runs: number, f: () => Promise<unknown>): Promise<{ cold: number; median: number; min: number; max: number }> {
  let t = performance.now();
  await f();
  const cold = performance.now() - t;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await f();
    samples.push(performance.now() - t);
  }
  return { cold, ...stats(samples) };
}

const center = parseCenter(generateCenter({ agents: 200, seed: 2026, name: 'bench' }));
const random = seededRandom(7);
// Template, start, end, and the two hours of overtime next to it.
const SHIFTS = [['E', '08:00', '17:00', '17:00', '19:00'], ['M', '10:00', '19:00', '19:00', '21:00'], ['L', '13:00', '22:00', '11:00', '13:00']] as const;
const assignments: Assignment[] = [];
const phone = center.agents.filter((a) => a.role === 'agent' || a.role === 'lead');
for (const [k, agent] of phone.entries()) {
  const queue = center.teams.find((t) => t.id === agent.team)?.queue ?? agent.skills[0];
  const [name, from, to, otFrom, otTo] = SHIFTS[k % 3];
  monthDates(MONTH).forEach((date, i) => {
    if ((i + k) % 7 >= 5) return; // two days off a week, staggered
    assignments.push({ agent: agent.id, date, shift: name, queue, start: `${date}T${from}:00+08:00`, end: `${date}T${to}:00+08:00`, breaks: [] });
    if (i < 14 && random() < 0.05) {
      assignments.push({ agent: agent.id, date, shift: 'OT', queue, start: `${date}T${otFrom}:00+08:00`, end: `${date}T${otTo}:00+08:00`, breaks: [], kind: 'overtime' });
    }
  });
}

const db = await openDb({ url: '', dataDir: 'memory' });
await db.transaction((tx) => saveCenter(tx, center));
await db.transaction(async (tx) => {
  const meta = await saveRoster(tx, { centerId: center.id, roster: { center: center.id, month: MONTH, assignments, coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] } });
  await publishRoster(tx, meta.id, null);
});
const rules = await calloutRules();
const window = { queue: WINDOW.queue, fromMs: Date.parse(WINDOW.from), toMs: Date.parse(WINDOW.to) };
const inputs = await loadCalloutInputs(db, center, window, rules);
const ranked = rankCandidates(inputs);

const jobs = await createInProcessQueue(db);
const server = createApp(createAppContext(db, jobs)).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const token = (await issueTokenFor(db, center, { agent: center.teams[0].supervisor }, null)).token;

const rows: Array<[string, Awaited<ReturnType<typeof measure>>]> = [
  ['rank only (rules for every agent)', await measure(RUNS, async () => rankCandidates(inputs))],
  ['callout service (read, rank, store, outbox)', await measure(RUNS, () => createCallout(db, center, { ...WINDOW }, rules, null))],
  ['HTTP POST /api/centers/:id/callouts', await measure(RUNS, async () => {
    const res = await fetch(`${url}/api/centers/${center.id}/callouts`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(WINDOW) });
    if (res.status !== 201) throw new Error(`callout answered ${res.status}: ${await res.text()}`);
    await res.json();
  })],
];

console.log(`\nCallout for a ${phone.length}-phone-agent center (${center.agents.length} people), ${assignments.length} assignments in ${MONTH}, window ${WINDOW.from.slice(11, 16)}–${WINDOW.to.slice(11, 16)} on ${DAY}`);
console.log(`rules: ${rules.map((r) => r.id).join(', ')}; eligible ${ranked.candidates.length}, excluded ${ranked.excluded.length}; ${RUNS} runs after one warm-up\n`);
const table = [['step', 'cold ms', 'median ms', 'min ms', 'max ms'], ...rows.map(([name, s]) => [name, s.cold.toFixed(1), s.median.toFixed(1), s.min.toFixed(1), s.max.toFixed(1)])];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
table.forEach((r, i) => {
  console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
});
const http = rows[2][1].median;
console.log(`\ntarget: under 200 ms → HTTP median ${http.toFixed(1)} ms ${http < 200 ? 'meets it' : 'MISSES it'}`);

await new Promise((r) => server.close(r));
await jobs.close(100);
await db.close();

/**
 * npm run bench:activities [-- --cases demo-2026-12,demo-2027-01,gen-200 --runs N]
 *
 * TR1–TR4 activities in the roster solve (issue: exams, training and meetings placed where they cost least): the
 * demo center (data/demo-center.json: TR2's 1-hour exam on days 1–24 in 09:00–18:00 with 6 seats, 2 hours of
 * in-seat training on the 30th, for every agent) and a generated 200-agent center with the same activities, each
 * month solved with and without the activities (same seed, same time limit), requirements from the bank traffic
 * profile. Per case, medians over the runs: attendees with both / all, activity hours, the understaffing the
 * placement added (the solve's own measure: after placing minus before, same roster), the roster's understaffing
 * with and without the activities and the difference (what the activities cost against a solve that never had
 * them), its share of the activity hours (target ≤ 5%), hard violations.
 */
import { readFileSync } from 'node:fs';
import { median } from 'simple-statistics';
import { parseCenter } from '../src/domain/center-loader.ts';
import { generateCenter } from '../src/demo/generate-center.ts';
import type { Center } from '../src/domain/center-schema.ts';
import { requirementsFromBankProfile } from '../solver/requirements/bank-profile.ts';
import { solveRoster } from '../solver/solve-roster.ts';

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

function caseOf(name: string): { center: Center; month: string; seconds: number } {
  if (name.startsWith('demo-')) {
    return { center: parseCenter(JSON.parse(readFileSync(new URL('../data/demo-center.json', import.meta.url), 'utf8'))), month: name.slice(5), seconds: 45 };
  }
  const agents = Number(name.slice(4));
  return { center: parseCenter(generateCenter({ agents, seed: 2026, name, trainingActivities: true })), month: '2026-12', seconds: agents >= 500 ? 240 : 55 };
}

const cases = arg('cases', 'demo-2026-12,demo-2027-01,gen-200').split(',');
const runs = Number(arg('runs', '3'));
const header = ['case', 'runs', 'limit s', 'with both', 'activity h', 'placement price h', 'under with', 'under without', 'difference h', 'share', 'hard'];
const rows: string[][] = [];
for (const name of cases) {
  const { center, month, seconds } = caseOf(name);
  const requirements = requirementsFromBankProfile(center, month);
  const agents = center.agents.filter((a) => center.activities.some((d) => 'role' in d.attendees && d.attendees.role === a.role)).map((a) => a.id);
  const got: Array<{ both: number; hours: number; price: number; withA: number; without: number; hard: number }> = [];
  for (let seed = 1; seed <= runs; seed++) {
    const withA = await solveRoster({ center, month, requirements }, { timeLimitMs: seconds * 1000, seed });
    const without = await solveRoster({ center: { ...center, activities: [] }, month, requirements }, { timeLimitMs: seconds * 1000, seed });
    const holders = (id: string) => new Set(withA.roster.assignments.filter((a) => a.activities?.some((x) => x.activity === id)).map((a) => a.agent));
    const sets = center.activities.map((d) => holders(d.id));
    const both = agents.filter((a) => sets.every((s) => s.has(a))).length;
    got.push({ both, hours: withA.activities?.activityHours ?? 0, price: withA.activities?.addedUnderstaffed ?? 0, withA: withA.roster.score.understaffed, without: without.roster.score.understaffed, hard: withA.roster.score.hard });
    console.error(`${name} seed ${seed}: both ${both}/${agents.length}, price ${got.at(-1)!.price}, under ${got.at(-1)!.withA} vs ${got.at(-1)!.without}, hard ${got.at(-1)!.hard}`);
  }
  const med = (f: (g: (typeof got)[number]) => number) => median(got.map(f));
  const diff = med((g) => g.withA - g.without);
  rows.push([name, String(runs), String(seconds), `${med((g) => g.both)} / ${agents.length}`, med((g) => g.hours).toFixed(0), med((g) => g.price).toFixed(2),
    med((g) => g.withA).toFixed(2), med((g) => g.without).toFixed(2), diff.toFixed(2), `${((100 * diff) / med((g) => g.hours)).toFixed(1)}%`, String(Math.max(...got.map((g) => g.hard)))]);
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
console.log([header, ...rows].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n'));

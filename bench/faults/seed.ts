/**
 * A throw-away center for the fault bench: 40 phone agents (generated), ten weeks of the demo's traffic scaled
 * to them, and — through the running API, so the workers do the work — a forecast and the requirements of the
 * month to solve.
 */
import type { Db } from '../../src/db/db.ts';
import { saveCenter } from '../../src/db/repos/centers.ts';
import { demoHistory } from '../../src/demo/bank-history.ts';
import { generateCenter } from '../../src/demo/generate-center.ts';
import { parseCenter } from '../../src/domain/center-loader.ts';
import type { Center } from '../../src/domain/center-schema.ts';
import { importTraffic } from '../../src/services/traffic-import.ts';
import { until, type Api } from './processes.ts';

export const MONTH = '2026-12';

export async function seedCenter(db: Db): Promise<Center> {
  const center = parseCenter(generateCenter({ agents: 40, seed: 7, name: 'faults' }));
  await db.transaction((tx) => saveCenter(tx, center));
  const rows = (await demoHistory(center.timezone, '2026-11-30')).filter((r) => r.startMs >= Date.parse('2026-09-21T00:00:00+08:00'));
  await importTraffic(db, center, rows.map((r) => ({ ...r, offered: Math.round(r.offered * 0.36) })), { source: 'demo', intervalMinutes: 5 });
  return center;
}

/** Forecast and requirements for MONTH, through the API (a worker or the in-process runner does the forecast). */
export async function prepareMonth(api: Api, centerId: string): Promise<void> {
  const f = await api.call('POST', `/api/centers/${centerId}/forecasts`, { from: `${MONTH}-01`, days: 31, model: 'whi-mean-4w', backtestWeeks: 0 });
  if (f.status !== 202) throw new Error(`forecast refused: ${f.status} ${JSON.stringify(f.body)}`);
  const job = await until(async () => {
    const j = (await api.call('GET', `/api/jobs/${f.body.jobId}`)).body;
    return ['completed', 'failed', 'cancelled'].includes(j?.status) ? j : null;
  }, 250);
  if (job.status !== 'completed') throw new Error(`forecast ${job.status}: ${job.error}`);
  const r = await api.call('POST', `/api/centers/${centerId}/requirements`, { forecastId: job.result.forecastId });
  if (r.status !== 201) throw new Error(`requirements refused: ${r.status} ${JSON.stringify(r.body)}`);
}

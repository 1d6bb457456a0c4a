/**
 * Data the dashboard pages need on a fresh demo server: a stored forecast over the months in play (with past
 * days, so forecast vs actual has actuals), requirements from it, and a solved, published roster for each
 * month the test uses. Whatever the server prepared itself at start (its demo-preparation job) is waited for
 * and reused; only what is missing is made here, through the public API.
 */
import type { DemoServer } from './demo-server.ts';

type Json = any;

/** Polls a job until it is final (the test hook's timeout is the only limit: a busy machine is slower). */
async function waitJob(server: DemoServer, token: string, id: string): Promise<Json> {
  for (;;) {
    const { body } = await server.call('GET', `/api/jobs/${id}`, token);
    if (['completed', 'failed', 'cancelled'].includes(body.status)) return body;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function expectOk(what: string, r: { status: number; body: Json }): Json {
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}

export interface Prepared {
  forecastId: number;
  rosters: Record<string, number>;
}

/**
 * months: the months (YYYY-MM, ascending) the forecast must cover and that need a published roster (unless
 * rosterMonths names fewer); today: the center's local date.
 */
export async function prepareDemo(server: DemoServer, tokens: { admin: string; deputy: string; analyst: string }, months: string[], today: string, rosterMonths = months): Promise<Prepared> {
  const center = 'demo';
  // A preparation job the server started on its own (any kind but the ones this function starts) runs first.
  const jobs = expectOk('list jobs', await server.call('GET', `/api/centers/${center}/jobs`, tokens.admin)) as Json[];
  for (const j of jobs.filter((x) => ['queued', 'running'].includes(x.status))) await waitJob(server, tokens.admin, j.id);

  const first = `${months[0]}-01`;
  const lastMonth = months[months.length - 1];
  const [y, m] = lastMonth.split('-').map(Number);
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const days = Math.round((Date.parse(end) - Date.parse(first)) / 86_400_000) + 1;
  const forecasts = expectOk('list forecasts', await server.call('GET', `/api/centers/${center}/forecasts`, tokens.analyst)) as Json[];
  const lastDay = (f: Json) => new Date(Date.parse(f.params.from) + (f.params.days - 1) * 86_400_000).toISOString().slice(0, 10);
  let forecast = forecasts.find((f) => f.params.from <= first && f.params.from < today && lastDay(f) >= end);
  if (!forecast) {
    const job = expectOk('start forecast', await server.call('POST', `/api/centers/${center}/forecasts`, tokens.analyst, { from: first, days }));
    const done = await waitJob(server, tokens.analyst, job.jobId);
    if (done.status !== 'completed') throw new Error(`forecast job ${done.status}: ${done.error}`);
    forecast = { id: done.result.forecastId };
  }
  const sets = expectOk('list requirement sets', await server.call('GET', `/api/centers/${center}/requirement-sets`, tokens.deputy)) as Json[];
  if (!sets.some((s) => s.forecastId === forecast.id)) {
    expectOk('requirements', await server.call('POST', `/api/centers/${center}/requirements`, tokens.deputy, { forecastId: forecast.id }));
  }
  const rosters: Record<string, number> = {};
  for (const month of rosterMonths) {
    const list = expectOk('list rosters', await server.call('GET', `/api/centers/${center}/rosters?month=${month}`, tokens.deputy));
    const versions: Json[] = Array.isArray(list) ? list : list.rosters ?? [];
    let published = versions.find((r) => r.status === 'published');
    // The server's own preparation publishes a month only without hard violations; solve again (another seed)
    // until a version can be published.
    const scores: string[] = versions.map((r) => `v${r.version} hard ${r.score?.hard}`);
    for (let seed = 1; !published && seed <= 2; seed++) {
      const job = expectOk('solve roster', await server.call('POST', `/api/centers/${center}/rosters`, tokens.deputy, { month, timeLimitSeconds: 20, seed }));
      const done = await waitJob(server, tokens.deputy, job.jobId);
      if (done.status !== 'completed') throw new Error(`roster job for ${month} ${done.status}: ${done.error}`);
      scores.push(`seed ${seed} hard ${done.result.score.hard}`);
      if (done.result.score.hard > 0) continue;
      expectOk('publish roster', await server.call('POST', `/api/rosters/${done.result.rosterId}/publish`, tokens.deputy));
      published = { id: done.result.rosterId };
    }
    if (!published) throw new Error(`no roster of ${month} could be published (hard violations: ${scores.join(', ')})`);
    rosters[month] = published.id;
  }
  return { forecastId: forecast.id, rosters };
}

/** Another forecast of the same days with one named model, so accuracy can be compared per day and model. */
export async function forecastWithModel(server: DemoServer, token: string, from: string, days: number, model: string): Promise<number> {
  const job = expectOk(`forecast ${model}`, await server.call('POST', '/api/centers/demo/forecasts', token, { from, days, model }));
  const done = await waitJob(server, token, job.jobId);
  if (done.status !== 'completed') throw new Error(`forecast ${model} ${done.status}: ${done.error}`);
  return done.result.forecastId;
}

/**
 * Today's actual calls so far (POST /api/centers/:id/actuals), for the supervisor's page: the forecast of
 * each interval that has ended, 10% higher in the morning and 25% higher from 14:00 (a surge the reforecast
 * should follow), rounded. Deterministic; nothing before the center opens. Returns the rows sent.
 */
export async function sendTodaysActuals(server: DemoServer, token: string, forecastId: number, today: string): Promise<number> {
  const next = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const f = expectOk('forecast of today', await server.call('GET', `/api/forecasts/${forecastId}?from=${today}&to=${next}`, token));
  const rows = (f.points as Json[])
    .filter((p) => Date.parse(p.intervalStart) + 30 * 60_000 <= Date.now())
    .map((p) => ({ queue: p.queue, interval_start: p.intervalStart, offered: Math.round(p.offered * (Number(p.intervalStart.slice(11, 13)) >= 14 ? 1.25 : 1.1)) }));
  if (rows.length === 0) return 0;
  expectOk('actuals', await server.call('POST', '/api/centers/demo/actuals', token, { rows }));
  return rows.length;
}

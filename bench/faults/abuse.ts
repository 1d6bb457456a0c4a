/**
 * Fault scenario "abuse refused": the authorization matrix (every operation of the OpenAPI document × role ×
 * scope) and mass assignment on every write, as in test/reliability/authz-matrix.test.ts; slow-header and
 * slow-body clients against a server made with the serve command's timeouts while another client is served;
 * and a token bursting past its rate limit while another token is served, with the time until it is served
 * again.
 */
import { createRateLimiter } from '../../src/api/rate-limit.ts';
import { startAuthzFixture } from '../../test/reliability/authz-fixture.ts';
import { runMassAssignment } from '../../test/reliability/authz-mass-assignment.ts';
import { runMatrix } from '../../test/reliability/authz-matrix.ts';
import { startSlowServer, type SlowServer } from '../../test/reliability/slow-server.ts';
import { slowBody, slowHeaders, type SlowClient } from '../../test/reliability/slow-sockets.ts';
import { medianMs, type FaultRow, type FaultScenario } from './scenario.ts';

const SLOW_SOCKETS = Number(process.env.FAULT_SLOW_SOCKETS ?? 50);
const BURST_ROUNDS = Number(process.env.FAULT_BURST_ROUNDS ?? 5);
const TIMEOUTS = { headersMs: 2_000, requestMs: 3_000, keepAliveMs: 2_000 };
/** The rate limit of the burst rounds: 20 requests a second, bursts of 20; each round sends twice that. */
const RATE = { perSecond: 20, burst: 20 };

const countBy = (values: number[]) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<number, number>())]
  .sort(([a], [b]) => a - b).map(([v, n]) => `${v}×${n}`).join(' ');

async function authorization(): Promise<FaultRow[]> {
  const fx = await startAuthzFixture();
  try {
    const matrix = await runMatrix(fx);
    const mass = await runMassAssignment(fx);
    const leaked = matrix.results.filter((r) => r.verdict.leaked).length;
    return [
      {
        scenario: 'authorization matrix (route × role × scope)', tries: matrix.results.length,
        survived: matrix.results.filter((r) => r.verdict.answered && !r.verdict.leaked).length, lost: 0, duplicated: leaked,
        note: `${matrix.operations} operations × 8 roles × 3 scopes; statuses ${countBy(matrix.results.map((r) => r.status))}`
          + (matrix.changedByRefusals.length ? `; refused writes changed ${matrix.changedByRefusals.join(', ')}` : '; refused writes changed nothing'),
      },
      {
        scenario: 'mass assignment', tries: mass.length, survived: mass.filter((m) => m.problems.length === 0).length, lost: 0,
        duplicated: mass.filter((m) => m.problems.length > 0).length, note: `every POST/PUT/PATCH; statuses ${countBy(mass.map((m) => m.status))}`,
      },
    ];
  } finally {
    await fx.close();
  }
}

/** `count` slow sockets at once; another client asks /api/me until the server has cut every one off. */
async function slowClients(server: SlowServer, scenario: string, make: () => SlowClient, count: number, timeoutMs: number): Promise<FaultRow> {
  const started = performance.now();
  const slow = Array.from({ length: count }, make);
  await Promise.all(slow.map((c) => c.started));
  const cutAt: number[] = [];
  let allClosed = false;
  const ends = Promise.all(slow.map((c) => c.closed.then((end) => {
    cutAt.push(Math.round(performance.now() - started));
    return end;
  }))).then((e) => {
    allClosed = true;
    return e;
  });
  const statuses: number[] = [];
  const latency: number[] = [];
  while (!allClosed) {
    const t = performance.now();
    const res = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${server.tokens.other}` } });
    await res.arrayBuffer();
    latency.push(performance.now() - t);
    statuses.push(res.status);
  }
  const survived = (await ends).filter((e) => e.byServer && e.statusLine.startsWith('HTTP/1.1 408')).length;
  const served = statuses.every((s) => s === 200);
  return {
    scenario, tries: count, survived: served ? survived : 0, lost: 0, duplicated: 0,
    note: `cut off after ${medianMs(cutAt)} ms median (timeout ${timeoutMs} ms); meanwhile another client got ${countBy(statuses)}, median ${Math.round(medianMs(latency) ?? 0)} ms`,
  };
}

/** Rounds of a burst twice the limit, with another token asking at the same time; then until the burster is served. */
async function burst(server: SlowServer): Promise<FaultRow> {
  server.limit(createRateLimiter(RATE.perSecond, RATE.burst));
  const me = (token: string) => fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  const recoverMs: number[] = [];
  let survived = 0;
  const seen: number[] = [];
  for (let round = 0; round < BURST_ROUNDS; round++) {
    // A full bucket for both tokens at the start of each round.
    await new Promise((r) => setTimeout(r, (1000 * RATE.burst) / RATE.perSecond + 100));
    const [abuser, other] = await Promise.all([
      Promise.all(Array.from({ length: 2 * RATE.burst }, () => me(server.tokens.abuser))),
      Promise.all(Array.from({ length: RATE.burst / 2 }, () => me(server.tokens.other))),
    ]);
    const refusedAt = performance.now();
    const refused = abuser.filter((r) => r.status === 429);
    const wellRefused = refused.length > 0 && refused.every((r) => Number(r.headers.get('retry-after')) >= 1 && (r.headers.get('content-type') ?? '').includes('application/problem+json'));
    seen.push(...abuser.map((r) => r.status), ...other.map((r) => r.status));
    await Promise.all([...abuser, ...other].map((r) => r.arrayBuffer()));
    while ((await me(server.tokens.abuser).then(async (r) => (await r.arrayBuffer(), r.status))) === 429) await new Promise((r) => setTimeout(r, 10));
    recoverMs.push(Math.round(performance.now() - refusedAt));
    if (wellRefused && other.every((r) => r.status === 200)) survived++;
  }
  return {
    scenario: 'rate limit burst', tries: BURST_ROUNDS, survived, lost: 0, duplicated: 0, recoverMs,
    note: `${RATE.perSecond}/s, burst ${RATE.burst}; ${2 * RATE.burst} at once from one token, ${RATE.burst / 2} from another; statuses ${countBy(seen)}`,
  };
}

export const run: FaultScenario = async () => {
  const rows = await authorization();
  const server = await startSlowServer(TIMEOUTS);
  try {
    rows.push(await slowClients(server, 'slow-header clients', () => slowHeaders(server.port), SLOW_SOCKETS, TIMEOUTS.headersMs));
    rows.push(await slowClients(server, 'slow-body clients', () => slowBody(server.port, server.tokens.admin), SLOW_SOCKETS, TIMEOUTS.requestMs));
    rows.push(await burst(server));
  } finally {
    await server.close();
  }
  return rows;
};

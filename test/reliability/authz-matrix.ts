/**
 * Runs the authorization matrix against a fixture: the reads first, then the writes the declarations refuse
 * (both a few at a time) — bracketed by a fingerprint of the whole database, which must not move — and last,
 * one by one, the writes allowed in scope (a job one of them starts is cancelled at once).
 */
import { requestCancel } from '../../src/jobs/job-store.ts';
import type { AuthzFixture } from './authz-fixture.ts';
import { cellsFrom, type Cell, type OpenApi } from './authz-cells.ts';
import { floorWide, judge, outOfScope, type Verdict } from './authz-judge.ts';
import { changedTables, fingerprint } from './authz-state.ts';

export interface CellResult {
  cell: Cell;
  status: number;
  verdict: Verdict;
}

export interface MatrixRun {
  operations: number;
  results: CellResult[];
  /** Tables the refused writes changed (none, when refusals hold). */
  changedByRefusals: string[];
}

/** Requests in flight at once (reads, and the writes that must be refused): overlaps round trips on 2 cores. */
const IN_FLIGHT = 4;

async function inPool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

export async function runMatrix(fx: AuthzFixture): Promise<MatrixRun> {
  const doc = (await fx.call('GET', '/api/openapi.json', null)).body as OpenApi;
  const cells = cellsFrom(doc, fx);
  const hidden = new Map<string, ReturnType<typeof outOfScope>>();
  const hiddenFor = (cell: Cell) => {
    const key = `${cell.role} ${floorWide(cell.operation)}`;
    if (!hidden.has(key)) hidden.set(key, outOfScope(fx, cell.caller, cell.operation));
    return hidden.get(key)!;
  };

  // A read that two cells make alike (a route no scope changes) is sent once and judged for both.
  const sent = new Map<string, ReturnType<AuthzFixture['call']>>();
  const send = (cell: Cell) => {
    if (cell.method !== 'GET') return fx.call(cell.method, cell.path, cell.caller.token, cell.body);
    const key = `${cell.role} ${cell.path}`;
    if (!sent.has(key)) sent.set(key, fx.call(cell.method, cell.path, cell.caller.token));
    return sent.get(key)!;
  };
  const run = async (cell: Cell): Promise<CellResult> => {
    const answer = await send(cell);
    const jobId = (answer.body as { jobId?: unknown } | null)?.jobId;
    if (answer.status === 202 && typeof jobId === 'string') await requestCancel(fx.db, jobId);
    return { cell, status: answer.status, verdict: judge(cell, answer, hiddenFor(cell)) };
  };

  const reads = cells.filter((c) => c.method === 'GET');
  const results = await inPool(reads, IN_FLIGHT, run);
  const before = await fingerprint(fx.db);
  results.push(...(await inPool(cells.filter((c) => c.method !== 'GET' && c.refusal), IN_FLIGHT, run)));
  const changedByRefusals = changedTables(before, await fingerprint(fx.db));
  for (const cell of cells.filter((c) => c.method !== 'GET' && !c.refusal)) results.push(await run(cell));
  return { operations: new Set(cells.map((c) => c.operation)).size, results, changedByRefusals };
}

/** One line per cell that was not answered as declared or leaked, for a failure message. */
export function describeFailures(run: MatrixRun): string[] {
  return run.results
    .filter((r) => !r.verdict.answered || r.verdict.leaked)
    .map((r) => `${r.cell.operation} as ${r.cell.role} (${r.cell.scope}) → ${r.status}: ${[r.verdict.why, r.verdict.leaked && `LEAK ${r.verdict.leaked}`].filter(Boolean).join('; ')}`);
}

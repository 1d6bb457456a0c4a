/**
 * Per-agent, per-interval work from the phone system (calls handled or made, seconds logged in, successes),
 * stored in agent_metrics (003_intraday.sql) for O3. Input is CSV (agent,queue,interval_start,handled[,
 * interval_minutes,logged_seconds,successes]) or the same as JSON rows; all or nothing; a resent interval
 * replaces its values. Errors name the line (or row index) and the column.
 */
import type { Readable } from 'node:stream';
import type { Center } from '../domain/center-schema.ts';
import type { Db, Queryable } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { csvRecords, parseTimestamp } from '../formats/csv-records.ts';

export interface AgentMetricRow {
  agent: string;
  queue: string;
  startMs: number;
  intervalMinutes: number;
  handled: number;
  loggedSeconds: number | null;
  successes: number | null;
}

const COLUMNS = ['agent', 'queue', 'interval_start', 'handled'];

export async function parseAgentMetrics(center: Center, input: Readable | Array<Record<string, unknown>>, source: string): Promise<AgentMetricRow[]> {
  const agents = new Set(center.agents.map((a) => a.id));
  const queues = new Set(center.queues.map((q) => q.id));
  const problems: ProblemItem[] = [];
  const out: AgentMetricRow[] = [];
  const rows: AsyncIterable<{ line: number; cell(name: string): string | undefined }> | Array<{ line: number; cell(name: string): string | undefined }> = Array.isArray(input)
    ? input.map((r, i) => ({ line: i, cell: (n: string) => (r[n] === undefined || r[n] === null ? undefined : String(r[n])) }))
    : csvRecords(input, source, COLUMNS);
  const whole = (text: string | undefined, where: string, optional = false): number | null => {
    if ((text === undefined || text === '') && optional) return null;
    if (!/^\d+$/.test(text?.trim() ?? '')) {
      problems.push({ where, message: `"${text ?? ''}" must be a whole number ≥ 0` });
      return null;
    }
    return Number(text!.trim());
  };
  for await (const { line, cell } of rows) {
    const where = (c: string) => (Array.isArray(input) ? `${source}[${line}].${c}` : `${source}:${line}:${c}`);
    const agent = cell('agent') ?? '';
    const queue = cell('queue') ?? '';
    if (!agents.has(agent)) problems.push({ where: where('agent'), message: `unknown agent "${agent}"` });
    if (!queues.has(queue)) problems.push({ where: where('queue'), message: `unknown queue "${queue}"` });
    const ts = parseTimestamp(cell('interval_start') ?? '', center.timezone);
    if (!ts) problems.push({ where: where('interval_start'), message: `"${cell('interval_start') ?? ''}" is not an ISO-8601 timestamp` });
    const handled = whole(cell('handled'), where('handled'));
    const minutes = whole(cell('interval_minutes'), where('interval_minutes'), true) ?? center.intervalMinutes;
    if (minutes <= 0) problems.push({ where: where('interval_minutes'), message: 'must be > 0' });
    const logged = whole(cell('logged_seconds'), where('logged_seconds'), true);
    const successes = whole(cell('successes'), where('successes'), true);
    if (problems.length >= 50) break;
    if (ts && handled !== null) out.push({ agent, queue, startMs: ts.toMillis(), intervalMinutes: minutes, handled, loggedSeconds: logged, successes });
  }
  if (problems.length > 0) throw new ValidationError(`${source}: ${problems.length} problem(s); nothing was stored`, problems);
  if (out.length === 0) throw new ValidationError(`${source}: no rows`, [{ where: source, message: 'no rows' }]);
  return out;
}

export async function storeAgentMetrics(db: Db, center: Center, rows: readonly AgentMetricRow[], userId: number | null): Promise<{ rows: number }> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 5000) {
      const c = rows.slice(i, i + 5000);
      await tx.query(
        `INSERT INTO agent_metrics (center_id, agent_id, queue_id, interval_start, interval_minutes, handled, logged_seconds, successes, updated_at)
         SELECT $1, * , now() FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::int[], $7::int[], $8::int[])
         ON CONFLICT (center_id, agent_id, queue_id, interval_start) DO UPDATE SET interval_minutes = EXCLUDED.interval_minutes,
           handled = EXCLUDED.handled, logged_seconds = EXCLUDED.logged_seconds, successes = EXCLUDED.successes, updated_at = now()`,
        [center.id, c.map((r) => r.agent), c.map((r) => r.queue), c.map((r) => new Date(r.startMs)), c.map((r) => r.intervalMinutes),
          c.map((r) => r.handled), c.map((r) => r.loggedSeconds), c.map((r) => r.successes)],
      );
    }
    await audit(tx, { userId, centerId: center.id, action: 'agent-metrics.import', objectKind: 'agent_metrics', objectId: center.id, detail: { rows: rows.length } });
  });
  return { rows: rows.length };
}

export interface MetricTotals {
  handled: number;
  loggedHours: number;
  successes: number | null;
}

/** Sums of agent_metrics rows: per agent in a window, or (agent undefined) the whole queue over a range. */
export async function metricTotals(db: Queryable, centerId: string, queue: string, from: Date, to: Date, agent?: string): Promise<MetricTotals> {
  const r = await db.query<{ handled: number | null; seconds: number | null; successes: number | null; n_success: number }>(
    `SELECT sum(handled)::float AS handled, sum(COALESCE(logged_seconds, interval_minutes * 60))::float AS seconds,
            sum(successes)::float AS successes, count(successes)::int AS n_success
       FROM agent_metrics WHERE center_id = $1 AND queue_id = $2 AND interval_start >= $3 AND interval_start < $4 AND ($5::text IS NULL OR agent_id = $5)`,
    [centerId, queue, from, to, agent ?? null],
  );
  const row = r.rows[0];
  return { handled: row?.handled ?? 0, loggedHours: (row?.seconds ?? 0) / 3600, successes: row && row.n_success > 0 ? row.successes : null };
}

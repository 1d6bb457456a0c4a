/**
 * Judging one hostile upload: the answer (2xx, or 4xx problem+json that says what is wrong and where; never
 * 5xx nor a dropped connection) and the stored state before and after it (refused: unchanged; accepted: the
 * whole file, once). Shared by the file fuzz tests and bench/faults/files.ts.
 */
import type { TestApp } from '../helpers/test-app.ts';

export type Verdict = 'whole' | 'refused' | 'partial' | 'duplicated' | 'crash' | 'unclear';

export interface Outcome {
  status: number;
  verdict: Verdict;
  /** Why the verdict is not "whole" or "refused", or what the refusal said. */
  why: string;
  /** `where` of every problem listed. */
  wheres: string[];
}

/** Table row counts and a checksum of the rows no upload may touch. */
export type Snapshot = Record<string, number>;

export async function snapshot(app: TestApp, queries: Record<string, string>): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const [name, sql] of Object.entries(queries)) out[name] = Number((await app.db.query<{ n: unknown }>(sql)).rows[0].n ?? 0);
  return out;
}

export interface Answer {
  status: number;
  type: string;
  body: any;
}

/** Sends bytes as they are (no re-encoding) and reads the answer; a dropped connection is status 0. */
export async function send(app: TestApp, method: string, path: string, body: Buffer, contentType: string, token = 'admin'): Promise<Answer> {
  try {
    const res = await fetch(app.url + path, { method, body: new Uint8Array(body), headers: { authorization: `Bearer ${app.tokens[token]}`, 'content-type': contentType } });
    const type = res.headers.get('content-type') ?? '';
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch { /* not JSON: judged below */ }
    return { status: res.status, type, body: parsed };
  } catch (e) {
    return { status: 0, type: '', body: String((e as { cause?: unknown }).cause ?? e) };
  }
}

/**
 * A refusal is clear when it is problem+json with a detail, and every listed problem has a `where` and a
 * message. `where` names a line (and a column) for CSV files, a JSON path for JSON bodies.
 */
function unclear(answer: Answer): string | null {
  const b = answer.body as { detail?: unknown; errors?: Array<{ where?: unknown; message?: unknown }> };
  if (!answer.type.includes('application/problem+json')) return `content type "${answer.type}"`;
  if (typeof b?.detail !== 'string' || b.detail === '') return 'no detail';
  if (b.errors !== undefined && (!Array.isArray(b.errors) || b.errors.some((e) => typeof e.where !== 'string' || typeof e.message !== 'string'))) return 'a problem without where or message';
  return null;
}

const same = (a: Snapshot, b: Snapshot) => Object.keys(a).every((k) => a[k] === b[k]);

/**
 * The verdict from the answer and the state around it. `whole(answer, before, after)` says whether an accepted
 * upload stored exactly the file (and what is off when it did not): "partial" for less, "duplicated" for more.
 */
export function judge(answer: Answer, before: Snapshot, after: Snapshot, whole: (a: Answer) => { ok: boolean; more?: boolean; why?: string }): Outcome {
  const wheres = Array.isArray(answer.body?.errors) ? answer.body.errors.map((e: { where: string }) => e.where) : [];
  if (answer.status === 0 || answer.status >= 500) return { status: answer.status, verdict: 'crash', why: JSON.stringify(answer.body).slice(0, 300), wheres };
  if (answer.status < 300) {
    const w = whole(answer);
    return { status: answer.status, verdict: w.ok ? 'whole' : w.more ? 'duplicated' : 'partial', why: w.why ?? '', wheres };
  }
  if (!same(before, after)) return { status: answer.status, verdict: 'partial', why: `refused but stored: ${JSON.stringify(before)} → ${JSON.stringify(after)}`, wheres };
  const u = unclear(answer);
  return { status: answer.status, verdict: u ? 'unclear' : 'refused', why: u ?? `${answer.body.detail} ${JSON.stringify(answer.body.errors ?? []).slice(0, 300)}`, wheres };
}

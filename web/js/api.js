/**
 * The API client: JSON over fetch with the session's Bearer token; problem+json answers become ApiError with
 * the status, the detail, the rule id (MANUAL.md) and the per-field errors.
 */
import { getToken } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.rule = problem?.rule ?? null;
    this.errors = problem?.errors ?? [];
    this.problem = problem ?? {};
  }
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function request(method, path, { params, body, token = getToken(), raw = false } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path + query(params), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) {
    let problem = null;
    try { problem = await res.json(); } catch { /* not JSON */ }
    throw new ApiError(res.status, problem);
  }
  if (raw) return res;
  if (res.status === 204) return null;
  const type = res.headers.get('content-type') ?? '';
  return type.includes('json') ? res.json() : res.text();
}

export const api = {
  get: (path, params, opts) => request('GET', path, { ...opts, params }),
  post: (path, body, opts) => request('POST', path, { ...opts, body }),
  put: (path, body, opts) => request('PUT', path, { ...opts, body }),
};

/** Polls a job until it ends; onProgress(job) sees every state (progress 0–1 and its detail). */
export async function waitForJob(jobId, { onProgress, intervalMs = 700, signal } = {}) {
  for (;;) {
    const job = await api.get(`/api/jobs/${encodeURIComponent(jobId)}`);
    onProgress?.(job);
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    if (signal?.aborted) return job;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

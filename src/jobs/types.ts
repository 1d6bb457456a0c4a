/**
 * Jobs: long work (forecasts, roster solves, demo preparation) with progress, a result and cancellation.
 * Two runners share this interface: BullMQ on Redis (many worker processes) and an in-process runner.
 * Job state lives in Postgres (the jobs table), so a restarted server still knows every job.
 */
import type { Db } from '../db/db.ts';

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface JobRecord {
  id: string;
  centerId: string | null;
  kind: string;
  status: JobStatus;
  params: Record<string, unknown>;
  /** 0…1. */
  progress: number;
  /** Free-form progress detail, e.g. the best-so-far score of a solve. */
  progressDetail: Record<string, unknown>;
  result: unknown;
  error: string | null;
  attempts: number;
  cancelRequested: boolean;
  createdBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobContext {
  jobId: string;
  kind: string;
  params: Record<string, unknown>;
  centerId: string | null;
  createdBy: number | null;
  attempt: number;
  db: Db;
  /** Aborted when someone cancels the job: stop, and return the best result so far if there is one. */
  signal: AbortSignal;
  /** Records progress (0…1) and an optional detail; cheap to call often (writes are throttled). */
  progress(fraction: number, detail?: Record<string, unknown>): Promise<void>;
  /** Keeps the best result so far for a retried attempt (a roster solve's best roster); throttled by the caller. */
  checkpoint(value: unknown): Promise<void>;
  /** What an earlier attempt of this job kept with checkpoint(), if any. */
  resumeFrom<T>(): Promise<T | null>;
}

/** Does the work; returns a JSON-serializable result. */
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface EnqueueOptions {
  centerId?: string | null;
  createdBy?: number | null;
}

export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  enqueue(kind: string, params: Record<string, unknown>, options?: EnqueueOptions): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | null>;
  /** Requests cancellation; a queued job is cancelled at once, a running one stops at its next check. */
  cancel(id: string): Promise<JobRecord | null>;
  /** Resolves when the job reaches a final state (for the CLI and tests). */
  waitFor(id: string, timeoutMs?: number): Promise<JobRecord>;
  close(graceMs?: number): Promise<void>;
}

export const FINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

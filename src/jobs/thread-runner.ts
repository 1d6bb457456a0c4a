/**
 * Runs a pure, CPU-heavy function in a worker thread, so a forecast never blocks the event loop (which would
 * stall BullMQ's lock renewal and the API). The function is named by module URL and export; it receives its
 * input and a progress callback. Cancelling terminates the thread. (Roster solves, which are anytime and keep
 * their best on cancel, have their own wrapper: solver/thread/solve-in-thread.ts.)
 */
import { Worker } from 'node:worker_threads';
import { AppError, ValidationError } from '../errors.ts';

export type ThreadProgress = (fraction: number, detail?: Record<string, unknown>) => void;

export interface ThreadCall<I> {
  /** file URL of a module exporting `exportName(input, progress)`. */
  moduleUrl: string;
  exportName: string;
  input: I;
  onProgress?: ThreadProgress;
  signal?: AbortSignal;
}

const ENTRY = new URL('./thread-bootstrap.mjs', import.meta.url);

export function runInThread<I, O>(call: ThreadCall<I>): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    if (call.signal?.aborted) return reject(new Error('cancelled before start'));
    const worker = new Worker(ENTRY, {
      workerData: { moduleUrl: call.moduleUrl, exportName: call.exportName, input: call.input },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      call.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      worker.terminate().catch(() => undefined);
      finish(() => reject(new Error('cancelled')));
    };
    call.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: { type: 'progress'; fraction: number; detail?: Record<string, unknown> } | { type: 'result'; result: O } | { type: 'error'; error: { message: string; name: string; errors?: unknown; status?: number } }) => {
      if (m.type === 'progress') call.onProgress?.(m.fraction, m.detail);
      else if (m.type === 'result') {
        finish(() => resolve(m.result));
        worker.terminate().catch(() => undefined);
      }
      else {
        const e = m.error as { message: string; name: string; errors?: []; status?: number; rule?: string; title?: string; type?: string };
        // Errors of our family cross the thread boundary as what they were (a ValidationError stays one).
        const error = e.name === 'ValidationError'
          ? new ValidationError(e.message, e.errors ?? [], e.status)
          : e.status ? new AppError(e.status, e.type ?? 'error', e.title ?? e.name, e.message, e.errors ?? [], e.rule) : new Error(e.message);
        finish(() => reject(error));
      }
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`worker thread exited with code ${code}`))));
  });
}

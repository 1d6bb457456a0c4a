/**
 * Runs a pure, CPU-heavy function in a worker thread, so a forecast or a solve never blocks the event loop
 * (which would stall BullMQ's lock renewal and the API). The function is named by module URL and export; it
 * receives its input, a progress callback and a `shouldStop()` poll. Cancelling either terminates the thread,
 * or — for anytime work like a solve (`graceful`) — raises a shared stop flag and waits for the function to
 * return its best result.
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
  /** On abort, ask the function to stop (shouldStop() turns true) and resolve with what it returns. */
  graceful?: { timeoutMs: number };
}

const ENTRY = new URL('./thread-bootstrap.mjs', import.meta.url);

export function runInThread<I, O>(call: ThreadCall<I>): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    if (call.signal?.aborted) return reject(new Error('cancelled before start'));
    const stopFlag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(ENTRY, {
      workerData: { moduleUrl: call.moduleUrl, exportName: call.exportName, input: call.input, stopFlag },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      call.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const kill = () => {
      worker.terminate().catch(() => undefined);
      finish(() => reject(new Error('cancelled')));
    };
    const onAbort = () => {
      if (!call.graceful) return kill();
      Atomics.store(stopFlag, 0, 1);
      setTimeout(kill, call.graceful.timeoutMs).unref();
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

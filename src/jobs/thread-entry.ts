/** Worker-thread side of runInThread: imports the named function, runs it, posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.ts';

const { moduleUrl, exportName, input } = workerData as { moduleUrl: string; exportName: string; input: unknown };
try {
  const mod = (await import(moduleUrl)) as Record<string, (input: unknown, progress: (f: number, d?: unknown) => void) => unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`${moduleUrl} has no export "${exportName}"`);
  const result = await fn(input, (fraction, detail) => parentPort!.postMessage({ type: 'progress', fraction, detail }));
  parentPort!.postMessage({ type: 'result', result });
} catch (e) {
  const err = e as Error;
  parentPort!.postMessage({
    type: 'error',
    error: e instanceof AppError
      ? { name: err.name, message: err.message, errors: e.errors, status: e.status, rule: e.rule, title: e.title, type: e.type }
      : { name: err.name, message: err.message },
  });
}

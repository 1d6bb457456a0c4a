/** Job handlers by kind. Modules register their handlers; both runners look them up here. */
import type { JobHandler } from './types.ts';

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function jobKinds(): string[] {
  return [...handlers.keys()].sort();
}

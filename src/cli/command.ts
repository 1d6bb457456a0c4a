/**
 * The shape of a `shiftcast` subcommand. Each lives in src/cli/commands/<name>.ts and exports `command`.
 * Bad arguments throw UsageError: main prints its one-line reason and exits with code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliCommand {
  /** Words after `shiftcast`, e.g. "import traffic". */
  name: string;
  summary: string;
  /** Full --help text. */
  usage: string;
  /** Returns the process exit code. */
  run(argv: string[]): Promise<number>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with errors turned into UsageError. */
export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}

export function requireFlag(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

export function intFlag(values: Record<string, unknown>, name: string, fallback: number, min = 0): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${String(v)}"`);
  return n;
}

export function dateFlag(values: Record<string, unknown>, name: string): string {
  const v = requireFlag(values, name);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${v}"`);
  return v;
}

export function monthFlag(values: Record<string, unknown>, name: string): string {
  const v = requireFlag(values, name);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new UsageError(`--${name} must be a month YYYY-MM, got "${v}"`);
  return v;
}

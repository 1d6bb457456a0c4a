/**
 * Seeded random numbers for the replay, from the project's mulberry32 (src/seeded-random.ts, also the demo's).
 *
 * Every purpose (arrival times, handle times, patience) draws from its own stream, derived from the replay's
 * seed, the run number and the purpose, so one seed means the same callers with the same handle times and the
 * same patience whatever the roster: two rosters replayed with one seed differ by the rosters alone (common
 * random numbers).
 */
import { mulberry32 as seeded } from '../seeded-random.ts';

export type Uniform = () => number;

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export const mulberry32: (seed: number) => Uniform = seeded;

/** MurmurHash3's 32-bit finalizer: nearby inputs (seed 1 and 2, run 0 and 1) give unrelated states. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const STREAMS = { arrivals: 1, handle: 2, patience: 3 } as const;
export type StreamName = keyof typeof STREAMS;

/** The stream of one purpose in one run of a replay seed. */
export function stream(seed: number, run: number, name: StreamName): Uniform {
  return mulberry32(mix(mix(mix(seed >>> 0) ^ Math.imul(run + 1, 0x9e3779b9)) ^ STREAMS[name]));
}

/**
 * An exponential draw with the given mean (inversion: −mean·ln(1 − U)). A draw is consumed even for an
 * infinite mean, so a stream stays aligned call by call whatever the parameters.
 */
export function exponential(uniform: Uniform, mean: number): number {
  const u = uniform();
  return mean === Infinity ? Infinity : -mean * Math.log(1 - u);
}

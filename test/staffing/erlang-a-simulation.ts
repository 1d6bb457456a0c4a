/**
 * An independent check on src/staffing/erlang-a.ts: a seeded discrete-event simulation of the M/M/N+M queue
 * (Poisson arrivals, exponential handle times and patience, N agents, first come first served). It shares no
 * code with the analytic model.
 *
 * Method: callers are taken in arrival order. A min-heap holds the time each agent next becomes free; a caller
 * arriving at a would start at s = max(a, earliest free time). If s − a exceeds its patience it abandons
 * (and occupies nobody), otherwise the earliest-free agent serves it until s + handle time. Under FCFS this
 * reproduces the event-by-event system exactly, because an abandoning caller changes nothing for later ones.
 * Statistics are collected after a warm-up and split into batches, whose spread gives a standard error.
 */

/** Mulberry32 (seeded PRNG, public domain), written out here so the simulation depends on nothing else. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class MinHeap {
  private readonly items: number[] = [];
  push(x: number): void {
    const h = this.items;
    h.push(x);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p] <= h[i]) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  peek(): number {
    return this.items[0];
  }
  replaceTop(x: number): void {
    const h = this.items;
    h[0] = x;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l] < h[m]) m = l;
      if (r < h.length && h[r] < h[m]) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
}

export interface SimulationInput {
  callsPerSecond: number;
  agents: number;
  ahtSeconds: number;
  patienceSeconds: number;
  answerWithinSeconds: number;
  calls: number;
  warmupCalls: number;
  batches: number;
  seed: number;
}

export interface SimulatedMeasure {
  mean: number;
  /** Standard error of the mean from the batch means. */
  standardError: number;
}

export interface SimulationResult {
  pWait: SimulatedMeasure;
  pAbandon: SimulatedMeasure;
  serviceLevel: SimulatedMeasure;
  /** Mean wait of answered callers. */
  asaSeconds: SimulatedMeasure;
}

export function simulateErlangA(input: SimulationInput): SimulationResult {
  const random = mulberry32(input.seed);
  const exponential = (mean: number) => -mean * Math.log(1 - random());
  const free = new MinHeap();
  for (let i = 0; i < input.agents; i++) free.push(0);

  const perBatch = Math.floor(input.calls / input.batches);
  const batch = Array.from({ length: input.batches }, () => ({ waited: 0, abandoned: 0, inTime: 0, answered: 0, answeredWait: 0 }));
  let clock = 0;
  for (let i = 0; i < input.warmupCalls + perBatch * input.batches; i++) {
    clock += exponential(1 / input.callsPerSecond);
    const patience = exponential(input.patienceSeconds);
    const start = Math.max(clock, free.peek());
    const wait = start - clock;
    const abandons = wait > patience;
    if (!abandons) free.replaceTop(start + exponential(input.ahtSeconds));
    if (i < input.warmupCalls) continue;
    const b = batch[Math.floor((i - input.warmupCalls) / perBatch)];
    if (wait > 0) b.waited += 1;
    if (abandons) b.abandoned += 1;
    else {
      b.answered += 1;
      b.answeredWait += wait;
      if (wait <= input.answerWithinSeconds) b.inTime += 1;
    }
  }

  const summarize = (values: number[]): SimulatedMeasure => {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
    return { mean, standardError: Math.sqrt(variance / values.length) };
  };
  return {
    pWait: summarize(batch.map((b) => b.waited / perBatch)),
    pAbandon: summarize(batch.map((b) => b.abandoned / perBatch)),
    serviceLevel: summarize(batch.map((b) => b.inTime / perBatch)),
    asaSeconds: summarize(batch.map((b) => b.answeredWait / b.answered)),
  };
}

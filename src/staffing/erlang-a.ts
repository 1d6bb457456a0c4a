/**
 * Erlang A (M/M/N+M: Poisson arrivals, exponential handle time, N agents, first come first served, callers
 * abandon after an exponential patience with mean `patienceSeconds`), computed exactly from its birth–death
 * chain. Time is measured in AHTs (μ = 1): arrival rate A = traffic, abandonment rate per waiting caller
 * γ = AHT / patience.
 *
 * Stationary law: π_k ∝ A^k / k! for k ≤ N; above N, π_{N+j} = π_N · ∏_{i=1..j} A / (N + iγ). The k < N mass
 * relative to π_N is (1 − B) / B with B the Erlang B value (src/staffing/erlang-b.ts), so nothing overflows; the
 * queue tail is summed until it is provably negligible: once ρ = A / (N + (j+1)γ) < 1 the ratios only fall, so
 * the dropped mass is at most r_j·ρ / (1 − ρ), and summation stops when that bound is below 1e-13 of the total
 * (every probability below is then exact to about 1e-13).
 *
 * A caller arriving with j callers queued ahead moves up at rate N + iγ while i − 1 are ahead of it and leaves
 * at rate γ, so it is served with probability ∏ (N + (i−1)γ)/(N + iγ) = N / (N + (j+1)γ), and its wait if
 * served is a sum of independent Exp(N + iγ), i = 1…j+1. Writing N + iγ = γ·(b + i − 1), b = N/γ + 1, that sum
 * is −log of a Beta(b, j+1) variable over γ, so P(sum ≤ τ) = 1 − Σ_{k≤j} NB(k; b, x), x = 1 − e^{−γτ}, a negative
 * binomial sum of positive terms accumulated in log space as j grows. (Mandelbaum & Zeltyn, "The M/M/n+G
 * queue: summary of performance measures", 2005, give the same measures via incomplete gamma functions.)
 * As patience → ∞ this reduces to Erlang C (tested); an infinite patience is computed by Erlang C directly.
 *
 * Definitions: service level = share of all offered calls answered within T (a caller who hangs up counts as
 * not answered in time, whenever they hang up); ASA = mean wait of answered calls; averageWaitSeconds = mean
 * time in queue of all callers; occupancy = answered work ÷ agents. The chain is always stable (abandonment
 * bounds the queue), also with traffic above the agent count.
 */
import { erlangB } from './erlang-b.ts';
import { erlangC, type QueueMetrics } from './erlang-c.ts';

export interface ErlangAInput {
  trafficErlangs: number;
  agents: number;
  ahtSeconds: number;
  /** Mean caller patience, seconds (Infinity = Erlang C). */
  patienceSeconds: number;
  answerWithinSeconds: number;
}

export interface ErlangAMetrics extends QueueMetrics {
  /** Share of callers who hang up before being answered. */
  pAbandon: number;
  /** Mean time in queue over all callers, answered or not (Little's law: E[queue] / arrival rate). */
  averageWaitSeconds: number;
  /** Mean queue length E[queue], callers. */
  meanQueueLength: number;
  /** Number of queue lengths summed (the chain is truncated above N + this). */
  queueStatesSummed: number;
}

/** Relative bound on the stationary mass left out by the truncation. */
export const ERLANG_A_TAIL_BOUND = 1e-13;
/** Past this many queue states the chain is refused (patience so long against the load that Erlang C applies). */
export const ERLANG_A_MAX_STATES = 5_000_000;

const RESCALE_ABOVE = 1e200;

function checkInput(input: ErlangAInput): void {
  const { trafficErlangs: a, agents, ahtSeconds, patienceSeconds, answerWithinSeconds } = input;
  if (!(a >= 0 && Number.isFinite(a))) throw new RangeError(`traffic must be a finite number ≥ 0 Erlangs, got ${a}`);
  if (!Number.isInteger(agents) || agents < 0) throw new RangeError(`agents must be a whole number ≥ 0, got ${agents}`);
  if (!(ahtSeconds > 0 && Number.isFinite(ahtSeconds))) throw new RangeError(`AHT must be > 0 seconds, got ${ahtSeconds}`);
  if (!(patienceSeconds > 0)) throw new RangeError(`patience must be > 0 seconds, got ${patienceSeconds}`);
  if (!(answerWithinSeconds >= 0)) throw new RangeError(`answer-within seconds must be ≥ 0, got ${answerWithinSeconds}`);
}

export function erlangA(input: ErlangAInput): ErlangAMetrics {
  checkInput(input);
  const { trafficErlangs: a, agents: n, ahtSeconds: aht, patienceSeconds, answerWithinSeconds } = input;
  if (a === 0) {
    return { agents: n, trafficErlangs: a, pWait: 0, pAbandon: 0, serviceLevel: 1, asaSeconds: 0, averageWaitSeconds: 0, meanQueueLength: 0, occupancy: 0, stable: true, queueStatesSummed: 0 };
  }
  if (patienceSeconds === Infinity) {
    const c = erlangC({ trafficErlangs: a, agents: n, ahtSeconds: aht, answerWithinSeconds });
    const meanQueueLength = c.stable ? (c.asaSeconds / aht) * a : Infinity;
    return {
      agents: n, trafficErlangs: a, pWait: c.pWait, pAbandon: 0, serviceLevel: c.serviceLevel, asaSeconds: c.asaSeconds,
      averageWaitSeconds: c.asaSeconds, meanQueueLength, occupancy: c.occupancy, stable: c.stable, queueStatesSummed: 0,
    };
  }
  const gamma = aht / patienceSeconds;
  if (n === 0) {
    // Nobody answers: every caller waits and abandons; the queue is Poisson with mean A / γ.
    return { agents: n, trafficErlangs: a, pWait: 1, pAbandon: 1, serviceLevel: 0, asaSeconds: Infinity, averageWaitSeconds: patienceSeconds, meanQueueLength: a / gamma, occupancy: 1, stable: true, queueStatesSummed: 0 };
  }

  const blocking = erlangB(a, n);
  if (blocking < 1e-300) {
    // P(wait) ≤ B / (1 − A/N) is nil (this needs N far above A); every caller is answered at once.
    return { agents: n, trafficErlangs: a, pWait: 0, pAbandon: 0, serviceLevel: 1, asaSeconds: 0, averageWaitSeconds: 0, meanQueueLength: 0, occupancy: a / n, stable: true, queueStatesSummed: 0 };
  }
  const tau = answerWithinSeconds / aht;
  const b = n / gamma + 1;

  // Accumulators relative to π_N (rescaled together when the chain's weights grow large).
  let below = (1 - blocking) / blocking; // Σ_{k<N} π_k / π_N
  let r = 1; // π_{N+j} / π_N
  let mass = 0; // Σ r_j
  let answeredInTime = 0; // Σ r_j · P(served within τ | j ahead)
  let abandoned = 0; // Σ r_j · P(abandon | j ahead)
  let answeredWait = 0; // Σ r_j · P(served | j) · E[wait | served, j]   (AHT units)
  let queueLength = 0; // Σ r_j · j
  // NB(k; b, x) terms: by plain products while NB(0) is representable, else in log space (large N·τ).
  const logSpace = (n + gamma) * tau > 700;
  let lnNb = -(n + gamma) * tau; // log NB(j)
  let nb = Math.exp(lnNb); // NB(j)
  let nbCdf = nb; // Σ_{k≤j} NB(k)
  const x = -Math.expm1(-gamma * tau);
  let stageMeans = 0; // Σ_{i=1..j+1} 1 / (N + iγ)

  let j = 0;
  for (;;) {
    const served = n / (n + (j + 1) * gamma);
    stageMeans += 1 / (n + (j + 1) * gamma);
    mass += r;
    answeredInTime += r * served * Math.max(0, 1 - nbCdf);
    abandoned += r * (1 - served);
    answeredWait += r * served * stageMeans;
    queueLength += r * j;

    const rho = a / (n + (j + 1) * gamma);
    if (rho < 1 && (r * rho) / (1 - rho) <= ERLANG_A_TAIL_BOUND * (below + mass)) break;
    if (j >= ERLANG_A_MAX_STATES) {
      throw new RangeError(
        `Erlang A: patience ${patienceSeconds} s is so long against AHT ${aht} s at ${a.toFixed(2)} Erlangs on ${n} agents that the queue chain exceeds ${ERLANG_A_MAX_STATES} states; use Erlang C`,
      );
    }
    j += 1;
    r *= rho;
    if (nbCdf < 1) {
      // Once the cumulative sum reaches 1 every later caller misses the target; no need to go on.
      if (logSpace) {
        lnNb += Math.log((x * (j - 1 + b)) / j);
        nb = Math.exp(lnNb);
      } else nb *= (x * (j - 1 + b)) / j;
      nbCdf += nb;
    }
    if (r > RESCALE_ABOVE) {
      const s = 1 / RESCALE_ABOVE;
      r *= s; below *= s; mass *= s; answeredInTime *= s; abandoned *= s; answeredWait *= s; queueLength *= s;
    }
  }

  const total = below + mass;
  const pAbandon = abandoned / total;
  const pServed = 1 - pAbandon;
  const meanQueueLength = queueLength / total;
  return {
    agents: n,
    trafficErlangs: a,
    pWait: mass / total,
    pAbandon,
    serviceLevel: (below + answeredInTime) / total,
    asaSeconds: pServed > 0 ? ((answeredWait / total) / pServed) * aht : Infinity,
    averageWaitSeconds: (meanQueueLength / a) * aht,
    meanQueueLength,
    occupancy: Math.min(1, (a * pServed) / n),
    stable: true,
    queueStatesSummed: j + 1,
  };
}

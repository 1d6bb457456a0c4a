/**
 * Which forecast to use, from the backtest, without chasing noise. The choice starts from the level-profile
 * ensemble (or seasonal naive, if it cannot run) and moves to another model or combination only on clear
 * evidence: a wMAPE at least MIN_GAIN lower over all origins, and lower in every one of at least MIN_BLOCKS
 * weeks of origins judged apart (daily origins a day apart share most of their horizon, so a week of them is
 * one piece of evidence, not seven). Differences of a tenth of a point over a few weeks leave it where it is.
 * The report gives the evidence: the challenger, its gain and the weeks it won.
 */
import { levelProfileEnsemble, wmapeByOrigin, type Backtest, type Combination } from './backtest.ts';
import { LEVEL_PROFILE, modelByName, SEASONAL_NAIVE } from './models/registry.ts';

export const MIN_GAIN = 0.05;
/**
 * A model that extrapolates a trend needs a year of history, or a gain of TREND_MIN_GAIN: a trend read off a few
 * weeks is usually a passing dip or swell, unless the level models lag it by far.
 */
export const TREND_HISTORY_DAYS = 364;
export const TREND_MIN_GAIN = 0.25;
export const MIN_BLOCKS = 4;
const BLOCK_DAYS = 7;

export interface Choice {
  name: string;
  how: Combination['how'];
  members: Array<{ model: string; weight: number }>;
  reason: string;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function choose(named: string | 'auto', backtest: Backtest, runnable: ReadonlySet<string>, historyDays: number): Choice {
  const ensemble = levelProfileEnsemble(runnable);
  /** The models a row stands for (a combination's members). */
  const uses = (name: string) => backtest.combinations.find((c) => c.name === name)?.members.map((m) => m.model) ?? [name];
  const combination = (name: string) => backtest.combinations.find((c) => c.name === name) ?? (name === LEVEL_PROFILE ? ensemble ?? undefined : undefined);
  const asChoice = (name: string, reason: string): Choice => {
    const c = combination(name);
    return { name, how: c?.how ?? 'mean', members: c?.members ?? [{ model: name, weight: 1 }], reason };
  };
  if (named !== 'auto') return asChoice(named, 'named in the request');
  const prior = ensemble ? LEVEL_PROFILE : SEASONAL_NAIVE;
  const priorRow = backtest.rows.find((r) => r.model === prior);
  if (!priorRow || !Number.isFinite(priorRow.wMAPE)) {
    return asChoice(prior, `the default (${backtest.note ?? 'no backtest score for it'})`);
  }
  const origins = backtest.origins.length;
  // Weekly blocks of origins, newest last; a partial oldest block is dropped.
  const blocks = Math.floor(origins / BLOCK_DAYS);
  const blockOf = Int32Array.from(backtest.cellOrigin, (f) => Math.floor((f - (origins - blocks * BLOCK_DAYS)) / BLOCK_DAYS));
  const priorByBlock = wmapeByOrigin(blocks, blockOf, backtest.actual, backtest.predictions.get(prior)!);
  let best: { name: string; gain: number; wins: number } | null = null;
  for (const row of backtest.rows) {
    if (row.model === prior || !Number.isFinite(row.wMAPE) || blocks < MIN_BLOCKS) continue;
    const gain = 1 - row.wMAPE / priorRow.wMAPE;
    const trend = historyDays < TREND_HISTORY_DAYS && uses(row.model).some((m) => modelByName(m)?.extrapolatesTrend);
    if (gain < (trend ? TREND_MIN_GAIN : MIN_GAIN)) continue;
    const mine = wmapeByOrigin(blocks, blockOf, backtest.actual, backtest.predictions.get(row.model)!);
    const wins = mine.filter((x, b) => x < priorByBlock[b]).length;
    if (wins === blocks && (!best || gain > best.gain)) best = { name: row.model, gain, wins };
  }
  const horizon = `${origins} daily origin(s), ${backtest.horizonDays}-day horizon`;
  if (best) {
    return asChoice(best.name, `clear evidence against ${prior} (${pct(priorRow.wMAPE)}): ${pct(best.gain)} lower wMAPE, and lower in each of the ${best.wins} weeks of origins, over ${horizon}`);
  }
  const runnerUp = backtest.rows.find((r) => r.model !== prior && Number.isFinite(r.wMAPE));
  const margin = runnerUp ? `; best other: ${runnerUp.model} at ${pct(runnerUp.wMAPE)}` : '';
  const why = blocks < MIN_BLOCKS ? `${blocks} week(s) of origins are too few to prefer another model` : `no model beats it by ${pct(MIN_GAIN)} and in each of the ${blocks} weeks of origins`;
  return asChoice(prior, `the default: backtest wMAPE ${pct(priorRow.wMAPE)} over ${horizon}; ${why}${margin}`);
}

/**
 * Every model the backtest runs, by name, with its default settings. Seasonal naive comes first: it is the
 * baseline each report compares against.
 */
import type { ForecastModel } from '../types.ts';
import { calendarRegression } from './calendar-regression.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { svdShenHuang } from './svd-shen-huang.ts';
import { taylorDoubleSeasonal } from './taylor-double-seasonal.ts';
import { topDownEts } from './top-down.ts';
import { WEIGHTED_INDEX_VARIANTS, weightedIndex } from './weighted-index.ts';
import { levelProfile } from './level-profile.ts';

export const SEASONAL_NAIVE = seasonalNaive.name;

/**
 * The level-profile family: one model per level half-life (open days), and their equal-weight mean, the
 * ensemble the choice starts from (a short half-life follows a shift, a long one averages the noise away).
 */
const LEVEL_PROFILE_HALF_LIVES = [5, 10, 20, 40];
export const LEVEL_PROFILE = 'level-profile';
export const LEVEL_PROFILE_MEMBERS: readonly string[] = LEVEL_PROFILE_HALF_LIVES.map((h) => `lp-h${h}`);

export const MODELS: readonly ForecastModel[] = [
  seasonalNaive,
  ...LEVEL_PROFILE_HALF_LIVES.map((h) => levelProfile({ name: `lp-h${h}`, levelHalfLife: h, shapeHalfLifeWeeks: 16, profilePrior: 0.5, weekdayPrior: 0.5, positionPrior: 2 })),
  ...WEIGHTED_INDEX_VARIANTS.map(weightedIndex),
  topDownEts,
  taylorDoubleSeasonal,
  svdShenHuang({ components: 3, weeks: 26, decay: 0.85 }),
  // Two trend priors: a level with a trend only when the history insists, and a freely fitted trend.
  calendarRegression({ name: 'calendar-regression', weeks: 26, dailyDecay: 0.99, trendPenalty: 4, positionPenalty: 1 }),
  calendarRegression({ name: 'calendar-regression-trend', weeks: 26, dailyDecay: 0.99, trendPenalty: 0.01, positionPenalty: 1 }),
];

/** Names a request may ask for: every model, and the level-profile ensemble. */
export const MODEL_NAMES: readonly string[] = [...MODELS.map((m) => m.name), LEVEL_PROFILE];

export function modelByName(name: string): ForecastModel | undefined {
  return MODELS.find((m) => m.name === name);
}

/** The family of a model name ("whi-mean-4w" → "whi"), used to combine models of different kinds. */
export function modelFamily(name: string): string {
  return name.split('-')[0];
}

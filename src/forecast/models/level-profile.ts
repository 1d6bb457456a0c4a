/**
 * Level × weekday × month position × intraday profile, each estimated from all the history with shrinkage, so
 * it works from one week and sharpens as weeks accrue (the top-down decomposition of call-centre forecasting:
 * daily volume, then its distribution over the day — Gans, Koole & Mandelbaum, MSOM 5(2), 2003, §6; Weinberg,
 * Brown & Stroud, JASA 102, 2007, where the within-day profile is shared across days and the daily level
 * carries the noise).
 *  - Weekday and month-position effects: daily-effects.ts (a multiplicative fit of daily totals).
 *  - Level: level-track.ts on the deseasonalised daily log totals, with a half-life of `levelHalfLife` open
 *    days and shift detection, pulled toward the last two weeks' mean by as much as noise cannot explain the
 *    gap (recent-level.ts).
 *  - Profile: weekday-profiles.ts (each weekday's shape, shrunk toward the pooled one).
 * Forecast for date d and slot s: level × weekday(d) × position(d) × profile(weekday of d, s).
 */
import type { ForecastModel, ModelInput } from '../types.ts';
import { calendarOf, dailyEffects, trainingDays } from './daily-effects.ts';
import { emptyForecast } from './history-days.ts';
import { trackLevel } from './level-track.ts';
import { levelWeights, pullTowardRecent } from './recent-level.ts';
import { weekdayProfiles } from './weekday-profiles.ts';

export interface LevelProfileOptions {
  name: string;
  /** Half-life of the level, in open days. */
  levelHalfLife: number;
  /** Half-life of the weekday effects and profiles, in weeks. */
  shapeHalfLifeWeeks: number;
  /** Pseudo-days pulling a weekday's profile to the pooled one when its noise cannot be measured. */
  profilePrior: number;
  /** Pseudo-weeks pulling weekday effects to 0 when their noise cannot be measured. */
  weekdayPrior: number;
  /** Pseudo-months pulling month-position effects to 0 when their noise cannot be measured (Infinity: none). */
  positionPrior: number;
}

export function levelProfile(o: LevelProfileOptions): ForecastModel {
  return {
    name: o.name,
    method: `level × weekday × month position × profile: level = exponentially weighted deseasonalised daily totals (half-life ${o.levelHalfLife} open days) with shift detection, pulled toward the last two weeks beyond noise; weekday, month-position effects and intraday profiles recency-weighted (half-life ${o.shapeHalfLifeWeeks} weeks), shrunk by James–Stein factors (Gans, Koole & Mandelbaum 2003; Weinberg, Brown & Stroud 2007; Efron & Morris 1973)`,
    minHistoryDays: 7,
    forecast(input: ModelInput): Float64Array[] {
      const { grid } = input;
      const out = emptyForecast(input);
      const days = trainingDays(input, o.shapeHalfLifeWeeks);
      if (days.length === 0) return out;
      const fx = dailyEffects(days, grid.openDays, o);
      const effect = (weekday: number, position: number) => fx.weekday[weekday] + (fx.position.get(position) ?? 0);
      const z = days.map((d) => Math.log(d.total) - effect(d.weekday, d.position));
      const tracked = trackLevel(z, o.levelHalfLife);
      // After a detected shift the days before it are another regime: the level is the shifted days' mean as is.
      const level = Math.exp(tracked.shiftDays > 0 ? tracked.level : pullTowardRecent(z, days.map((d) => input.trainEnd - d.i), tracked.level, levelWeights(z.length, o.levelHalfLife)));
      const profileOf = weekdayProfiles(grid, days, o.profilePrior);
      const cal = calendarOf(input);
      input.targetWeekdays.forEach((w, t) => {
        // Closed special days are forecast too, as ordinary days: the special-day calendar (special-days.ts)
        // reads their normal volume to carry part of it onto the next open day, then leaves them out.
        if (!grid.openDays[w]) return;
        const total = level * Math.exp(effect(w, cal.position(input.trainEnd + input.lead + t)));
        const prof = profileOf(w);
        for (let s = 0; s < grid.slots; s++) out[t][s] = total * prof[s];
      });
      return out;
    },
  };
}

/**
 * Shared shapes of the forecasting module: the day × slot grid every model reads, the model contract, and the
 * JSON-serializable report that forecast() returns next to the points.
 *
 * A "slot" is a local wall-clock position in the day (slot s starts at s × interval minutes after local
 * midnight). Models work on the grid; only the final step maps slots back to real intervals of each date
 * (src/time/local-day.ts), so a 23-hour day loses no interval and a 25-hour day doubles none.
 */
import type { SpecialDay } from '../domain/center-schema.ts';

export type { SpecialDay };

/** History of one queue on a calendar grid, at the target interval. */
export interface DayGrid {
  queue: string;
  intervalMinutes: number;
  /** Slots per local day: 1440 / intervalMinutes. */
  slots: number;
  /** Every calendar date from the first to the last history date ("YYYY-MM-DD"). */
  dates: string[];
  /** ISO weekday (1 = Monday) of each date. */
  weekdays: number[];
  /** Calls per slot; NaN where not observed (closed, missing, gap, or a slot skipped by DST). */
  values: Float64Array[];
  /** Day may be used for training: open weekday, has data, not a special day, not the day after a closed one. */
  usable: boolean[];
  /** Day has no gap inside its open slots (required by models that need whole days). */
  complete: boolean[];
  /** openSlots[weekday][slot], weekday 1..7 (index 0 unused). */
  openSlots: boolean[][];
  /** openDays[weekday], weekday 1..7. */
  openDays: boolean[];
}

/** What a model sees: the grid cut at an origin, and the dates to forecast. */
export interface ModelInput {
  grid: DayGrid;
  /** Training uses grid days with index < trainEnd. */
  trainEnd: number;
  /** Dates to forecast; date i is trainEnd + lead + i days into the grid's calendar. */
  targetDates: string[];
  targetWeekdays: number[];
  /** Days between the origin (trainEnd) and the first target date (0 = the day right after history). */
  lead: number;
  /** Dates known to be closed (closed special days), in the history and the horizon. */
  closedDates?: ReadonlySet<string>;
}

/** A forecasting method. forecast() returns one row per target date with a value for every slot. */
export interface ForecastModel {
  name: string;
  /** One line: the method and its source. */
  method: string;
  /** Fewest calendar days of history the model needs; fewer → skipped with a reason. */
  minHistoryDays: number;
  /**
   * Extrapolates a fitted trend over the horizon: chosen automatically only with a year of history (a trend
   * read off a few weeks is usually a passing dip or swell); always available by name.
   */
  extrapolatesTrend?: boolean;
  /** Days of history it trains on at most (a shorter history shrinks the window); absent = all of it. */
  windowDays?: number;
  forecast(input: ModelInput): Float64Array[];
}

export interface ForecastOptions {
  /** First date to forecast, "YYYY-MM-DD", local to `zone`. */
  from: string;
  days: number;
  intervalMinutes: number;
  /** IANA zone of the center. */
  zone: string;
  /** 'auto' (backtest and choose) or the name of one model. */
  model?: string;
  specialDays?: readonly SpecialDay[];
  /** AHT used where the history has no aht_seconds: one value, or one per queue. Default 180 s. */
  defaultAhtSeconds?: number | Record<string, number>;
  /** Rolling origins of the backtest, one week apart (default 4). */
  backtestWeeks?: number;
  /** Prediction interval coverage, 0 < c < 1 (default 0.8). */
  coverage?: number;
  /** Forecast only these queues (default: every queue in the history). */
  queues?: readonly string[];
  /** Also return each model's points for the horizon (the bench compares them). */
  allModels?: boolean;
}

export interface BacktestRow {
  model: string;
  wMAPE: number;
  mape: number | null;
  bias: number;
  rmse: number;
  /** wMAPE ÷ seasonal naive's wMAPE on the same folds. */
  ratioToSeasonalNaive: number | null;
  /** Combination rows list their members and weights. */
  members?: Array<{ model: string; weight: number }>;
}

export interface SkippedModel {
  model: string;
  reason: string;
}

export interface GapRun {
  date: string;
  /** Local "HH:MM" span [from, to) of the missing intervals. */
  from: string;
  to: string;
  intervals: number;
}

export interface OpenHours {
  weekday: number;
  open: boolean;
  /** Local "HH:MM" of the first open interval and the end of the last one; null when closed. */
  from: string | null;
  to: string | null;
  intervals: number;
}

export interface SpecialDayTreatment {
  date: string;
  kind: string;
  name: string;
  treatment: string;
}

export interface QueueReport {
  queue: string;
  sourceIntervalMinutes: number;
  history: { from: string; to: string; days: number; usableDays: number; rows: number };
  openHours: OpenHours[];
  /** Dates of open weekdays with no data at all (holidays or outages): left out of training. */
  missingDays: string[];
  gaps: { count: number; intervals: number; runs: GapRun[] };
  backtest: { origins: string[]; horizonDays: number; rows: BacktestRow[]; note?: string };
  skipped: SkippedModel[];
  /** The training window each model used: its own window, shrunk to the history where that is shorter. */
  windows: Array<{ model: string; days: number; windowDays: number | null }>;
  chosen: { model: string; members?: Array<{ model: string; weight: number }>; reason: string };
  specialDays: SpecialDayTreatment[];
  /** Where the holidays came from: declared by the center, or the country's public holidays and why. */
  holidays: string;
  aht: { source: 'history' | 'default'; meanSeconds: number };
  intervals: { coverage: number; method: string };
}

export interface ForecastReport {
  zone: string;
  intervalMinutes: number;
  from: string;
  days: number;
  queues: QueueReport[];
}

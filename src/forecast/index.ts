/**
 * The forecasting module's public surface. Everything here is pure and synchronous: callers (CLI, API jobs,
 * bench) read files or the database, call these, and store or print the results.
 */
export { forecast, type ForecastResult } from './forecast.ts';
export { forecastOptionsForCenter, type ForecastRequest } from './center-options.ts';
export { accuracy, ALL_QUEUES, type AccuracyOptions, type AccuracyReport, type QueueAccuracy, type PeriodRow } from './accuracy.ts';
export { errorMetrics, ErrorAccumulator, type ErrorMetrics } from './metrics.ts';
export { MODEL_NAMES, SEASONAL_NAIVE } from './models/registry.ts';
export { DEFAULT_BACKTEST_WEEKS, DEFAULT_COVERAGE, MAX_FORECAST_DAYS } from './options.ts';
export { DEFAULT_AHT_SECONDS } from './aht.ts';
export { backtestText, accuracyText, type AccuracyDetail } from './report-text.ts';
export type { ForecastOptions, ForecastReport, QueueReport, BacktestRow, SkippedModel, GapRun, OpenHours, SpecialDayTreatment } from './types.ts';

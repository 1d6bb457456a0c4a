/**
 * Plain-text tables of the forecast report and the accuracy report, for the command line and the bench.
 */
import type { AccuracyReport, PeriodRow } from './accuracy.ts';
import type { ErrorMetrics } from './metrics.ts';
import type { QueueReport } from './types.ts';

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export const pct = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`);
const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));

/** Aligns columns: first column left, the others right. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function backtestText(q: QueueReport): string {
  const lines = [
    `queue ${q.queue}: history ${q.history.from} … ${q.history.to} (${q.history.days} days, ${q.history.usableDays} used for training, ${q.sourceIntervalMinutes}-minute rows)`,
    `open hours: ${q.openHours.filter((h) => h.open).map((h) => `${WEEKDAYS[h.weekday]} ${h.from}–${h.to}`).join(', ') || 'none'}`,
  ];
  if (q.missingDays.length) lines.push(`missing days (left out): ${q.missingDays.join(', ')}`);
  if (q.gaps.count) lines.push(`gaps inside open hours (ignored, not zero): ${q.gaps.count} run(s), ${q.gaps.intervals} interval(s), first ${q.gaps.runs.slice(0, 3).map((g) => `${g.date} ${g.from}–${g.to}`).join('; ')}`);
  const bt = q.backtest;
  lines.push(bt.origins.length ? `backtest: ${bt.origins.length} origins (${bt.origins.join(', ')}), ${bt.horizonDays}-day horizon` : `backtest: none (${bt.note ?? 'no origin'})`);
  if (bt.rows.length) {
    lines.push(textTable(['model', 'wMAPE', 'MAPE', 'bias', 'RMSE', 'vs seasonal naive'], bt.rows.map((r) => [
      `${r.model === q.chosen.model ? '* ' : '  '}${r.model}`, pct(r.wMAPE), pct(r.mape), pct(r.bias), num(r.rmse, 1), num(r.ratioToSeasonalNaive),
    ])));
  }
  for (const s of q.skipped) lines.push(`skipped ${s.model}: ${s.reason}`);
  lines.push(`chosen: ${q.chosen.model}${q.chosen.members ? ` = ${q.chosen.members.map((m) => `${m.weight}×${m.model}`).join(' + ')}` : ''} (${q.chosen.reason})`);
  for (const d of q.specialDays) lines.push(`special ${d.date} ${d.kind}${d.name ? ` "${d.name}"` : ''}: ${d.treatment}`);
  lines.push(`AHT: ${q.aht.source === 'history' ? 'from history' : 'default'}, mean ${q.aht.meanSeconds} s; intervals: ${Math.round(q.intervals.coverage * 100)}%, ${q.intervals.method}`);
  return lines.join('\n');
}

function metricRow(level: string, m: ErrorMetrics): string[] {
  return [level, String(m.n), m.actual.toFixed(0), m.forecast.toFixed(0), pct(m.mape), pct(m.wMAPE), pct(m.bias), num(m.rmse, 1), num(m.mase)];
}

function periodTable(title: string, rows: PeriodRow[]): string {
  return `${title}\n${textTable(['period', 'actual', 'forecast', 'wMAPE', 'bias'], rows.map((r) => [r.period, r.actual.toFixed(0), r.forecast.toFixed(0), pct(r.wMAPE), pct(r.bias)]))}`;
}

export type AccuracyDetail = 'day' | 'week' | 'time';

export function accuracyText(report: AccuracyReport, detail: readonly AccuracyDetail[] = []): string {
  const out: string[] = [`accuracy ${report.from} … ${report.to}, ${report.intervalMinutes}-minute intervals, zone ${report.zone}`];
  for (const q of report.queues) {
    out.push('', `queue ${q.queue}${q.models.length ? ` (model ${q.models.join(', ')})` : ''}`);
    const l = q.levels;
    out.push(textTable(['level', 'n', 'actual', 'forecast', 'MAPE', 'wMAPE', 'bias', 'RMSE', 'MASE'], [
      metricRow('interval', l.interval), metricRow('day', l.day), metricRow('week', l.week), metricRow('total', l.total),
    ]));
    if (q.intervalCoverage !== null) out.push(`actuals inside the prediction interval: ${pct(q.intervalCoverage, 1)}`);
    const u = q.unmatched;
    if (u.forecastWithoutActual) out.push(`forecast intervals without an actual (left out): ${u.forecastWithoutActual}`);
    if (u.actualOutsideForecast) out.push(`actual intervals the forecast had closed: ${u.actualOutsideForecast} (${u.callsOutsideForecast} calls, judged against 0)`);
    if (detail.includes('day')) out.push(periodTable('by day', q.byDay));
    if (detail.includes('week')) out.push(periodTable('by week', q.byWeek));
    if (detail.includes('time')) out.push(periodTable('by time of day', q.byTimeOfDay));
  }
  return out.join('\n');
}

/**
 * Forecast vs actual (analysts, managers, deputies): for a stored forecast, a queue and a day or week, the
 * forecast line with its prediction band against the actual calls per interval; daily totals; the accuracy
 * table (wMAPE, bias, MASE) per day for this forecast and the other stored forecasts of the same days (one
 * model each); and the backtest table the forecast chose its model from. A form starts a new forecast job.
 *
 * Endpoints: GET /api/centers/:id/forecasts, GET /api/forecasts/:id?queue&from&to, GET /api/forecasts/:id/accuracy,
 * GET /api/centers/:id/traffic?queue&from&to, POST /api/centers/:id/forecasts (+ GET /api/jobs/:id).
 */
import { api } from '../api.js';
import { barChart, chartBox, COLORS, lineChart } from '../charts.js';
import { overridesSection } from '../forecast-overrides.js';
import { whatIfSection } from '../what-if.js';
import { errorBox, fill, h, input, message, section, select, table } from '../dom.js';
import { addDays, clock, day, localDate, midnight, num, pct, shortDay, signedPct } from '../format.js';
import { t } from '../i18n.js';
import { jobProgress } from '../job-progress.js';

const enc = encodeURIComponent;

/** Sums rows (e.g. 5-minute actuals) into the forecast's intervals by their start instant. */
function bucketActuals(rows, intervalMinutes) {
  const step = intervalMinutes * 60_000;
  const out = new Map();
  for (const r of rows) {
    const ms = Date.parse(r.intervalStart);
    const key = Math.floor(ms / step) * step;
    out.set(key, (out.get(key) ?? 0) + r.offered);
  }
  return out;
}

function forecastDays(f) {
  const from = f.params.from;
  return { from, to: addDays(from, f.params.days - 1) };
}

function defaultDay(f) {
  const { from, to } = forecastDays(f);
  const yesterday = addDays(localDate(), -1);
  if (yesterday < from) return from;
  return yesterday > to ? to : yesterday;
}

export async function render(root, ctx) {
  const { center, params } = ctx;
  const cid = enc(center.id);
  const forecasts = await api.get(`/api/centers/${cid}/forecasts`);
  const head = h('div.page-head', h('h1', t('page.forecast')));
  root.append(head, runForm(ctx));
  if (forecasts.length === 0) {
    root.append(message('info', t('forecast.none')));
    return;
  }
  const chosen = forecasts.find((f) => String(f.id) === params.forecast) ?? forecasts[0];
  const queues = center.queues.map((q) => q.id);
  const queue = queues.includes(params.queue) ? params.queue : queues[0];
  const span = forecastDays(chosen);
  const view = params.view === 'week' ? 'week' : 'day';
  const date = params.date && params.date >= span.from && params.date <= span.to ? params.date : defaultDay(chosen);
  const days = view === 'week' ? 7 : 1;

  head.append(h('div.controls',
    select('forecast', forecasts.map((f) => ({ value: String(f.id), label: `#${f.id} · ${f.params.from} +${f.params.days}${t('unit.days')} · ${f.chosen.map((c) => c.model).join(', ')}` })), String(chosen.id), (v) => ctx.go({ forecast: v, date: undefined }), t('forecast.which')),
    select('queue', queues.map((q) => ({ value: q, label: q })), queue, (v) => ctx.go({ queue: v }), t('common.queue')),
    select('view', [{ value: 'day', label: t('forecast.view.day') }, { value: 'week', label: t('forecast.view.week') }], view, (v) => ctx.go({ view: v }), t('forecast.view')),
    input('date', { type: 'date', value: date, min: span.from, max: span.to, onchange: (e) => e.target.value && ctx.go({ date: e.target.value }) }, t('common.date'))));

  const end = addDays(date, days);
  const [detail, pointsRes, traffic, accuracy] = await Promise.all([
    api.get(`/api/forecasts/${chosen.id}`, { queue, from: span.from, to: addDays(span.to, 1) }),
    api.get(`/api/forecasts/${chosen.id}`, { queue, from: date, to: end }),
    api.get(`/api/centers/${cid}/traffic`, { queue, from: midnight(date), to: midnight(end) }),
    api.get(`/api/forecasts/${chosen.id}/accuracy`).catch((e) => e),
  ]);

  root.append(intervalSection(center, pointsRes.points, traffic.rows ?? [], { view, date, queue }));
  root.append(await overridesSection(ctx, chosen, queue, date));
  const qAcc = accuracy instanceof Error ? null : accuracy.queues.find((q) => q.queue === queue);
  root.append(dailySection(detail.points, qAcc));
  root.append(await accuracySection(ctx, chosen, forecasts, queue, accuracy));
  root.append(backtestSection(detail.report, queue));
  if (['deputy', 'analyst', 'manager', 'director', 'admin'].includes(ctx.me.role)) root.append(whatIfSection(ctx, date.slice(0, 7)));
}

function intervalSection(center, points, actualRows, { view, date, queue }) {
  const actual = bucketActuals(actualRows, center.intervalMinutes);
  const labels = points.map((p) => (view === 'week' ? `${shortDay(p.intervalStart)} ${clock(p.intervalStart)}` : clock(p.intervalStart)));
  const actualSeries = points.map((p) => {
    const v = actual.get(Date.parse(p.intervalStart));
    return v === undefined ? null : v;
  });
  const { box, canvas } = chartBox('forecast-intervals', { tall: true, label: t('forecast.chart.intervals') });
  const title = view === 'week' ? t('forecast.intervals.week', { queue, date: day(date) }) : t('forecast.intervals.day', { queue, date: day(date) });
  const s = section(title, box);
  if (points.length === 0) {
    s.append(message('info', t('forecast.nopoints')));
    return s;
  }
  const level = points[0].lower !== undefined ? t('forecast.band') : null;
  queueMicrotask(() => lineChart(canvas, {
    labels,
    xTitle: t('axis.time', { zone: center.timezone }),
    yTitle: t('axis.calls', { minutes: center.intervalMinutes }),
    series: [
      { label: t('series.forecast'), data: points.map((p) => p.offered), color: COLORS.blue, band: level ? { label: level, lower: points.map((p) => p.lower), upper: points.map((p) => p.upper) } : null },
      { label: t('series.actual'), data: actualSeries, color: COLORS.vermillion, points: true },
      // An override: the computed forecast stays beside the adjusted one.
      ...(points.some((p) => p.original !== undefined) ? [{ label: t('series.original'), data: points.map((p) => p.original ?? p.offered), color: COLORS.grey, dashed: true }] : []),
    ],
  }));
  const judged = actualSeries.filter((v) => v !== null).length;
  const inside = points.filter((p, i) => actualSeries[i] !== null && actualSeries[i] >= p.lower && actualSeries[i] <= p.upper).length;
  s.append(h('p.note', judged === 0 ? t('forecast.noactuals') : t('forecast.inband', { inside: num(inside), judged: num(judged), share: pct(inside / judged, 0) })));
  return s;
}

function dailySection(points, qAcc) {
  const totals = new Map();
  for (const p of points) {
    const d = p.intervalStart.slice(0, 10);
    totals.set(d, (totals.get(d) ?? 0) + p.offered);
  }
  const dates = [...totals.keys()].sort();
  const actualByDay = new Map((qAcc?.byDay ?? []).map((r) => [r.period, r.actual]));
  const { box, canvas } = chartBox('forecast-daily', { label: t('forecast.chart.daily') });
  const s = section(t('forecast.daily'), box);
  queueMicrotask(() => barChart(canvas, {
    labels: dates.map((d) => day(d)),
    xTitle: t('axis.day'),
    yTitle: t('axis.callsPerDay'),
    series: [
      { label: t('series.forecast'), data: dates.map((d) => totals.get(d)), color: COLORS.blue },
      { label: t('series.actual'), data: dates.map((d) => actualByDay.get(d) ?? null), color: COLORS.vermillion },
    ],
  }));
  s.append(h('p.note', t('forecast.daily.note')));
  return s;
}

/** Per-day MASE: the day total's absolute error over the mean seasonal-naive (one week earlier) daily error. */
function dayScale(qAcc) {
  const d = qAcc.levels.day;
  return d.mase ? d.mae / d.mase : null;
}

async function accuracySection(ctx, chosen, forecasts, queue, accuracy) {
  const s = section(t('forecast.accuracy'));
  if (accuracy instanceof Error) {
    s.append(errorBox(accuracy));
    return s;
  }
  const span = forecastDays(chosen);
  // Other stored forecasts of the same days: one row per day and model, to compare models on the same days.
  const others = forecasts.filter((f) => f.id !== chosen.id && forecastDays(f).from <= span.to && forecastDays(f).to >= span.from).slice(0, 3);
  const otherAcc = await Promise.all(others.map((f) => api.get(`/api/forecasts/${f.id}/accuracy`).then((a) => ({ f, a }), () => null)));
  const runs = [{ f: chosen, a: accuracy }, ...otherAcc.filter(Boolean)];
  const rows = [];
  for (const { f, a } of runs) {
    const q = a.queues.find((x) => x.queue === queue);
    if (!q) continue;
    const scale = dayScale(q);
    const model = `${q.models.join(', ')} (#${f.id})`;
    for (const r of q.byDay) {
      if (r.period < span.from || r.period > span.to) continue;
      rows.push({ day: r.period, model, forecast: r.forecast, actual: r.actual, wMAPE: r.wMAPE, bias: r.bias, mase: scale ? Math.abs(r.forecast - r.actual) / scale : null, chosen: f.id === chosen.id });
    }
  }
  rows.sort((x, y) => (x.day === y.day ? Number(y.chosen) - Number(x.chosen) : x.day.localeCompare(y.day)));
  const q = accuracy.queues.find((x) => x.queue === queue);
  if (!q || rows.length === 0) {
    s.append(message('info', t('forecast.accuracy.none')));
    return s;
  }
  const lv = q.levels;
  s.append(h('div.kpis',
    kpi(t('metric.wMAPE'), pct(lv.interval.wMAPE), t('level.interval')),
    kpi(t('metric.wMAPE'), pct(lv.day.wMAPE), t('level.day')),
    kpi(t('metric.bias'), signedPct(lv.total.bias), t('level.total')),
    kpi(t('metric.MASE'), num(lv.interval.mase, 2), t('level.interval')),
    kpi(t('metric.coverage'), pct(q.intervalCoverage, 0), t('forecast.band'))));
  s.append(table([
    { label: t('common.day'), value: (r) => day(r.day) },
    { label: t('common.model'), value: (r) => r.model },
    { label: t('series.forecast'), value: (r) => num(r.forecast), num: true },
    { label: t('series.actual'), value: (r) => num(r.actual), num: true },
    { label: t('metric.wMAPE'), value: (r) => pct(r.wMAPE), num: true },
    { label: t('metric.bias'), value: (r) => signedPct(r.bias), num: true },
    { label: t('metric.MASE'), value: (r) => num(r.mase, 2), num: true },
  ], rows, { name: 'accuracy', scroll: true, caption: t('forecast.accuracy.caption'), rowProps: (r) => ({ class: r.chosen ? '' : 'muted' }) }));
  s.append(h('p.note', t('forecast.accuracy.note')));
  return s;
}

function kpi(label, value, sub) {
  return h('div.kpi', h('span.kpi-value', value), h('span.kpi-label', label), sub ? h('span.kpi-sub', sub) : null);
}

function backtestSection(report, queue) {
  const s = section(t('forecast.backtest'));
  const q = report?.queues?.find((x) => x.queue === queue);
  if (!q?.backtest?.rows?.length) {
    s.append(message('info', t('forecast.backtest.none')));
    return s;
  }
  const bt = q.backtest;
  s.append(h('p.note', t('forecast.backtest.note', { origins: bt.origins.map((o) => day(o)).join(', '), horizon: num(bt.horizonDays), reason: q.chosen.reason })));
  s.append(table([
    { label: t('common.model'), value: (r) => (r.model === q.chosen.model ? h('strong', `${r.model} ✓`) : r.model) },
    { label: t('metric.wMAPE'), value: (r) => pct(r.wMAPE, 2), num: true },
    { label: t('metric.MAPE'), value: (r) => pct(r.mape, 2), num: true },
    { label: t('metric.bias'), value: (r) => signedPct(r.bias), num: true },
    { label: t('metric.RMSE'), value: (r) => num(r.rmse, 1), num: true },
    { label: t('metric.vsNaive'), value: (r) => num(r.ratioToSeasonalNaive, 2), num: true },
  ], bt.rows, { name: 'backtest', caption: t('forecast.backtest.caption', { queue }) }));
  return s;
}

function runForm(ctx) {
  const { center } = ctx;
  const out = h('div.job-slot');
  const form = h('form.inline', {
    async onsubmit(ev) {
      ev.preventDefault();
      const data = new FormData(form);
      try {
        const job = await api.post(`/api/centers/${enc(center.id)}/forecasts`, { from: data.get('from'), days: Number(data.get('days')), model: 'auto' });
        const p = jobProgress(job.jobId, { title: t('forecast.running') });
        fill(out, p.el);
        const final = await p.done;
        if (final.status === 'completed' && ctx.isCurrent()) ctx.go({ forecast: String(final.result.forecastId), date: undefined });
      } catch (e) {
        fill(out, errorBox(e));
      }
    },
  },
  input('from', { type: 'date', required: true, value: localDate() }, t('forecast.run.from')),
  input('days', { type: 'number', min: 1, max: 92, value: 14, required: true }, t('forecast.run.days')),
  h('button', { type: 'submit' }, t('forecast.run')));
  return h('details.card.run', h('summary', t('forecast.run.title')), form, out);
}

/**
 * Month coverage (deputy, managers): for a roster version of a month and a queue, a heat map of required −
 * scheduled agents per interval (rows) × day (columns); under- and overstaffed agent-hours (FORMATS.md:
 * Σ max(0, required − scheduled) × interval hours, and the reverse) for the queue and per day; and the
 * violations by rule, each clickable to its matches.
 *
 * Endpoints: GET /api/centers/:id/rosters?month=, GET /api/rosters/:id, GET /api/rosters/:id/coverage,
 * GET /api/rosters/:id/analysis; the price of each rule (rule-prices.js); a day of the version replayed against
 * its actual calls (replay.js).
 */
import { api } from '../api.js';
import { barChart, chartBox, COLORS } from '../charts.js';
import { h, message, section, select } from '../dom.js';
import { addDays, clock, day, daysOfMonth, hours, localDate, num, shortDay, weekdayShort } from '../format.js';
import { heatmap, scaleLegend } from '../heatmap.js';
import { t } from '../i18n.js';
import { chooseRoster, monthParam, monthSelect, rosterCoverage, rosterVersions, versionSelect } from '../roster-data.js';
import { replaySection } from '../replay.js';
import { rulePricesSection } from '../rule-prices.js';
import { rosterActivitiesSection } from '../roster-activities.js';
import { ruleGroups, violationsSection } from '../violations.js';

export async function render(root, ctx) {
  const { center, params } = ctx;
  const month = monthParam(params);
  const versions = await rosterVersions(center, month);
  const queues = center.queues.map((q) => q.id);
  const queue = queues.includes(params.queue) ? params.queue : queues[0];
  const head = h('div.page-head', h('h1', t('page.coverage')));
  const controls = h('div.controls',
    monthSelect(month, (v) => ctx.go({ month: v, roster: undefined })),
    select('queue', queues.map((q) => ({ value: q, label: q })), queue, (v) => ctx.go({ queue: v }), t('common.queue')));
  head.append(controls);
  root.append(head);
  const roster = chooseRoster(versions, params.roster);
  if (!roster) {
    root.append(message('info', t('coverage.noroster', { month })));
    return;
  }
  controls.append(versionSelect(versions, roster, (v) => ctx.go({ roster: v })));
  const [coverage, analysis] = await Promise.all([
    rosterCoverage(roster.id, { queue }),
    api.get(`/api/rosters/${roster.id}/analysis`).catch(() => null),
  ]);
  const rows = coverage.filter((c) => c.queue === queue);
  const stepHours = center.intervalMinutes / 60;
  const dates = daysOfMonth(month);
  const cell = new Map();
  const times = new Map();
  const perDay = new Map(dates.map((d) => [d, { under: 0, over: 0, required: 0 }]));
  let under = 0;
  let over = 0;
  let requiredHours = 0;
  for (const c of rows) {
    const date = c.interval_start.slice(0, 10);
    const tod = clock(c.interval_start);
    times.set(tod, c.interval_start);
    const gap = c.required - c.scheduled;
    cell.set(`${tod}|${date}`, { gap, required: c.required, scheduled: c.scheduled });
    const d = perDay.get(date);
    if (!d) continue;
    const u = Math.max(0, gap) * stepHours;
    const o = Math.max(0, -gap) * stepHours;
    d.under += u; d.over += o; d.required += c.required * stepHours;
    under += u; over += o; requiredHours += c.required * stepHours;
  }

  const score = roster.score ?? {};
  root.append(h('section.card', h('div.kpis',
    kpi(hours(under), t('coverage.under', { queue }), under > 0 ? 'bad' : 'good'),
    kpi(hours(over), t('coverage.over', { queue })),
    kpi(hours(requiredHours), t('coverage.required', { queue })),
    kpi(num(score.hard ?? 0), t('coverage.hard'), (score.hard ?? 0) > 0 ? 'bad' : 'good'),
    kpi(`${hours(score.understaffed)} / ${hours(score.overstaffed)}`, t('coverage.allqueues'))),
  h('p.note', t('coverage.roster', { version: roster.version, status: t(`roster.status.${roster.status}`), id: roster.id }))));

  if (rows.length === 0) {
    root.append(message('info', t('coverage.noqueue', { queue })));
  } else {
    const timeRows = [...times.keys()].sort().map((k) => ({ key: k, label: k }));
    const max = Math.max(2, ...[...cell.values()].map((v) => Math.abs(v.gap)));
    root.append(section(t('coverage.heat', { queue }),
      heatmap({
        name: 'coverage', rows: timeRows, max, digits: 0,
        columns: dates.map((d) => ({ key: d, label: h('span', String(Number(d.slice(8))), h('br'), weekdayShort(d)), title: day(d) })),
        value: (tod, d) => cell.get(`${tod}|${d}`)?.gap ?? null,
        tooltip: (tod, d, v) => {
          const x = cell.get(`${tod}|${d}`);
          return x ? t('coverage.cell', { day: day(d), time: tod, required: num(x.required, 1), scheduled: num(x.scheduled, 1), gap: num(v, 1) }) : `${day(d)} ${tod}: ${t('coverage.closed')}`;
        },
        caption: t('coverage.heat.caption'),
      }),
      scaleLegend(max, { negative: t('coverage.legend.over'), positive: t('coverage.legend.under') })));

    const { box, canvas } = chartBox('coverage-daily', { label: t('coverage.daily') });
    root.append(section(t('coverage.daily'), box));
    barChart(canvas, {
      labels: dates.map((d) => shortDay(d)),
      xTitle: t('axis.day'),
      yTitle: t('axis.agentHours'),
      series: [
        { label: t('coverage.series.under'), data: dates.map((d) => perDay.get(d).under), color: COLORS.vermillion },
        { label: t('coverage.series.over'), data: dates.map((d) => perDay.get(d).over), color: COLORS.blue },
      ],
    });
  }
  root.append(rulePricesSection(ctx, roster));
  if (center.activities?.length) root.append(rosterActivitiesSection(ctx, roster));
  if (center.queues.find((q) => q.id === queue)?.kind === 'inbound') {
    // Yesterday when it falls in the month (its calls are all in), else the month's first day.
    const yesterday = addDays(localDate(), -1);
    const date = dates.includes(yesterday) ? yesterday : dates[0];
    root.append(replaySection(ctx, { date, queue, roster: roster.id, min: dates[0], max: dates[dates.length - 1] }));
  }
  root.append(violationsSection(ruleGroups(analysis, analysis ? [] : (await api.get(`/api/rosters/${roster.id}`, { fields: 'violations' })).violations ?? []), center));
}

function kpi(value, label, cls = '') {
  return h(`div.kpi${cls ? `.${cls}` : ''}`, h('span.kpi-value', value), h('span.kpi-label', label));
}

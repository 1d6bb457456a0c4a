/**
 * Today (duty supervisor; managers may look): per interval of a day and queue the agents required by the plan
 * and by the reforecast against those scheduled by the published roster, and the calls forecast, actual and
 * reforecast; "call overtime" for a proposed or chosen window, showing the ranked callout list and recording
 * each agent's accept or decline; voluntary time off where the reforecast has agents to spare (vto.js); today's
 * exams, training and meetings moved into the surplus (activity-moves.js); the
 * floor and adherence; the day replayed against its actual calls; safe-home reports; the inbox of requests
 * waiting for this supervisor; for a director, who outside may read the center.
 *
 * Endpoints: GET /api/centers/:id/intraday?date&queue, POST /api/centers/:id/callouts,
 * POST /api/callouts/:id/responses, and those of vto.js, activity-moves.js, replay.js, floor.js, safe-home.js (RP5),
 * access-grants.js (S2) and inbox.js.
 */
import { api } from '../api.js';
import { barChart, chartBox, COLORS, lineChart } from '../charts.js';
import { errorBox, fill, h, input, message, section, select, table } from '../dom.js';
import { clock, day, localDate, midnight, num, pct } from '../format.js';
import { t } from '../i18n.js';
import { answerColumn } from '../answer-cell.js';
import { agentName, inboxSection } from '../inbox.js';
import { replaySection } from '../replay.js';
import { accessGrantsSection } from '../access-grants.js';
import { floorSection } from '../floor.js';
import { safeHomeSection } from '../safe-home.js';
import { vtoSection } from '../vto.js';
import { activityMovesSection } from '../activity-moves.js';

const enc = encodeURIComponent;

export async function render(root, ctx) {
  const { center, params } = ctx;
  const queues = center.queues.map((q) => q.id);
  const queue = queues.includes(params.queue) ? params.queue : queues[0];
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.date ?? '') ? params.date : localDate();
  root.append(h('div.page-head', h('h1', `${t('page.today')} · ${day(date)}`),
    h('div.controls',
      select('queue', queues.map((q) => ({ value: q, label: q })), queue, (v) => ctx.go({ queue: v }), t('common.queue')),
      input('date', { type: 'date', value: date, onchange: (e) => e.target.value && ctx.go({ date: e.target.value }) }, t('common.date')))));
  const [view, inbox, safeHome, floor] = await Promise.all([
    api.get(`/api/centers/${enc(center.id)}/intraday`, { date, queue }).catch((e) => e),
    ['supervisor', 'manager', 'director'].includes(ctx.me.role) ? inboxSection(ctx) : null,
    ['supervisor', 'deputy', 'manager', 'director', 'admin'].includes(ctx.me.role) ? safeHomeSection(ctx, date) : null,
    floorSection(ctx, date),
  ]);
  if (view instanceof Error) root.append(section(t('today.picture'), errorBox(view)));
  else {
    // With ?queue= the API answers that queue's fields at the top level; without it, a queues[] list.
    const q = view.queues ? view.queues.find((x) => x.queue === queue) ?? view.queues[0] : view;
    if (!q || q.intervals.length === 0) root.append(message('info', t('today.nointervals')));
    else {
      root.append(kpiCard(view, q));
      root.append(h('div.grid2', agentsSection(center, q), callsSection(center, q)));
      root.append(calloutSection(ctx, q, date));
      root.append(vtoSection(ctx, q, date));
      if (center.activities?.length) root.append(activityMovesSection(ctx, date));
      if (center.queues.find((x) => x.id === q.queue)?.kind === 'inbound') root.append(replaySection(ctx, { date, queue: q.queue }));
    }
  }
  root.append(floor);
  if (safeHome) root.append(safeHome);
  if (inbox) root.append(inbox);
  if (['director', 'admin'].includes(ctx.me.role)) root.append(await accessGrantsSection(ctx));
}

function kpiCard(view, q) {
  const peak = Math.max(0, ...q.intervals.map((i) => i.gap));
  return h('section.card', h('div.kpis',
    kpiBox(num(q.totals.forecast), t('today.kpi.forecast')),
    kpiBox(num(q.totals.actualSoFar), t('today.kpi.actual')),
    kpiBox(num(q.totals.reforecast), t('today.kpi.reforecast')),
    kpiBox(ratioText(q.reforecast?.ratio), t('today.kpi.ratio')),
    kpiBox(num(peak, 1), t('today.kpi.peakgap'), peak >= 1 ? 'bad' : 'good')),
  h('p.note', t('today.asof', { at: clock(view.asOf), method: q.reforecast?.method ?? '–', roster: view.rosterId ?? '–', forecast: view.forecastId ?? '–' })));
}

/** The reforecast's ratio: observed actual ÷ forecast so far, and the damped ratio applied to the rest. */
function ratioText(ratio) {
  if (ratio === undefined || ratio === null) return '–';
  if (typeof ratio === 'number') return pct(ratio, 0);
  return `${ratio.observed === null || ratio.observed === undefined ? '–' : pct(ratio.observed, 0)} → ${pct(ratio.applied, 0)}`;
}

function kpiBox(value, label, cls = '') {
  return h(`div.kpi${cls ? `.${cls}` : ''}`, h('span.kpi-value', value), h('span.kpi-label', label));
}

function agentsSection(center, q) {
  const { box, canvas } = chartBox('today-agents', { tall: true, label: t('today.agents') });
  const labels = q.intervals.map((i) => clock(i.interval_start));
  lineChart(canvas, {
    labels,
    xTitle: t('axis.time', { zone: center.timezone }),
    yTitle: t('axis.agents'),
    series: [
      { label: t('series.required'), data: q.intervals.map((i) => i.required), color: COLORS.grey, dashed: true, stepped: true },
      { label: t('series.reforecastRequired'), data: q.intervals.map((i) => i.reforecastRequired), color: COLORS.vermillion, stepped: true },
      { label: t('series.scheduled'), data: q.intervals.map((i) => i.scheduled), color: COLORS.blue, stepped: true, width: 3 },
    ],
    bars: [{ label: t('today.gap'), data: q.intervals.map((i) => (i.gap > 0 ? i.gap : 0)), color: COLORS.orange }],
  });
  return section(t('today.agents'), box, h('p.note', t('today.agents.note')));
}

function callsSection(center, q) {
  const { box, canvas } = chartBox('today-calls', { tall: true, label: t('today.calls') });
  barChart(canvas, {
    labels: q.intervals.map((i) => clock(i.interval_start)),
    xTitle: t('axis.time', { zone: center.timezone }),
    yTitle: t('axis.calls', { minutes: center.intervalMinutes }),
    series: [{ label: t('series.actual'), data: q.intervals.map((i) => i.actual), color: COLORS.vermillion }],
    lines: [
      { label: t('series.forecast'), data: q.intervals.map((i) => i.forecast), color: COLORS.blue, dashed: true },
      { label: t('series.reforecast'), data: q.intervals.map((i) => i.reforecast), color: COLORS.black },
    ],
  });
  return section(t('today.calls'), box);
}

function calloutSection(ctx, q, date) {
  const out = h('div', { dataset: { role: 'callout' } });
  const sec = section(t('today.callout'));
  const open = async (from, to, needed) => {
    fill(out, message('info', t('today.callout.ranking')));
    try {
      const callout = await api.post(`/api/centers/${enc(ctx.center.id)}/callouts`, { queue: q.queue, from, to, needed });
      fill(out, calloutList(ctx, callout));
    } catch (e) {
      fill(out, errorBox(e));
    }
  };
  const proposals = q.proposals ?? [];
  if (proposals.length) {
    sec.append(table([
      { label: t('today.window'), value: (p) => `${clock(p.from)}–${clock(p.to)}` },
      { label: t('today.peakgap'), value: (p) => num(p.peakGap, 1), num: true },
      { label: t('today.short'), value: (p) => num(p.agentHoursShort, 1), num: true },
      { label: t('today.needed'), value: (p) => num(p.needed), num: true },
      { label: '', value: (p) => h('button', { type: 'button', dataset: { action: 'call-overtime' }, onclick: () => open(p.from, p.to, p.needed) }, t('today.callout.button')) },
    ], proposals, { caption: t('today.proposals') }));
  } else {
    sec.append(message('info', t('today.noproposals')));
  }
  const form = h('form.inline', {
    onsubmit(ev) {
      ev.preventDefault();
      const d = new FormData(form);
      const iso = (hm) => midnight(date).replace('T00:00:00', `T${hm}:00`);
      open(iso(d.get('from')), iso(d.get('to')), Number(d.get('needed')));
    },
  },
  input('from', { type: 'time', required: true, step: 60 * ctx.center.intervalMinutes, value: '18:00' }, t('today.from')),
  input('to', { type: 'time', required: true, step: 60 * ctx.center.intervalMinutes, value: '20:00' }, t('today.to')),
  input('needed', { type: 'number', min: 1, max: 50, value: 2, required: true }, t('today.needed')),
  h('button', { type: 'submit', dataset: { action: 'call-overtime-window' } }, t('today.callout.button')));
  sec.append(h('h3', t('today.customwindow')), form, out);
  return sec;
}

function calloutList(ctx, callout) {
  const { center } = ctx;
  const status = h('p', { dataset: { role: 'callout-status' } });
  const setStatus = (c) => {
    const accepted = (c.responses ?? []).filter((r) => r.accept).length;
    fill(status, t('today.callout.status', { id: c.id, status: t(`callout.status.${c.status}`), accepted: num(accepted), needed: num(c.needed) }));
    status.dataset.status = c.status;
  };
  setStatus(callout);
  const answered = new Map((callout.responses ?? []).map((r) => [r.agent, r.accept]));
  const answerCell = answerColumn({
    center, answered,
    record: async (cand, accept) => {
      const res = await api.post(`/api/callouts/${callout.id}/responses`, { agent: cand.agent, accept });
      setStatus(res.callout ?? res);
      return accept && res.assignment ? `${clock(res.assignment.start)}–${clock(res.assignment.end)}` : '';
    },
  });
  const rows = callout.candidates ?? [];
  const excluded = callout.excluded ?? [];
  return h('div',
    h('h3', t('today.callout.list', { window: `${clock(callout.from)}–${clock(callout.to)}`, queue: callout.queue })),
    status,
    rows.length === 0 ? message('info', t('today.callout.nobody')) : table([
      { label: '#', value: (c) => num(c.rank), num: true },
      { label: t('common.agent'), value: (c) => agentName(center, c.agent) },
      { label: t('today.offer'), value: (c) => `${clock(c.start)}–${clock(c.end)} (${t(`callout.mode.${c.mode}`)})` },
      { label: t('today.othours'), value: (c) => num(c.overtimeHoursThisMonth, 1), num: true },
      { label: t('today.tier'), value: (c) => `${c.tier ?? '–'} · ${num(c.callsPerHour)}` },
      { label: t('today.reasons'), value: (c) => h('ul.reasons', c.reasons.map((r) => h('li', r))) },
      { label: t('today.answer'), value: answerCell },
    ], rows, { caption: callout.ranking ?? '', scroll: true, name: 'callout' }),
    excluded.length ? h('details', h('summary', t('today.excluded', { n: num(excluded.length) })),
      table([
        { label: t('common.agent'), value: (x) => agentName(center, x.agent) },
        { label: t('common.rule'), value: (x) => x.rules.join(', ') },
        { label: t('today.reasons'), value: (x) => x.reasons.join('; ') },
      ], excluded.slice(0, 200))) : null);
}

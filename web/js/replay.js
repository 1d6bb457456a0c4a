/**
 * Replay (today and coverage pages): the roster played call by call against the day's actual calls, with the
 * service level the replay found (a band: 5–95% of its runs) beside the one Erlang promised on the forecast and
 * the one Erlang gives on the actual calls. Run on demand: a replay costs a few seconds of the server's time.
 *
 * Endpoint: GET /api/centers/:id/replay?date&queue&roster&runs&seed.
 */
import { api } from './api.js';
import { chartBox, COLORS, lineChart } from './charts.js';
import { errorBox, fill, h, input, message, section } from './dom.js';
import { clock, num, pct } from './format.js';
import { t } from './i18n.js';

const enc = encodeURIComponent;
const RUNS = 20;

/** The replay of `date` (today's page), or of a day the user picks in [min, max] (a roster version's month). */
export function replaySection(ctx, { date, queue, roster, min, max }) {
  const out = h('div', { dataset: { role: 'replay' } });
  const picker = min ? input('replay-date', { type: 'date', value: date, min, max }, t('common.date')) : null;
  const run = async () => {
    const chosen = picker?.querySelector('input')?.value || date;
    out.dataset.state = 'running';
    fill(out, message('info', t('replay.running', { runs: num(RUNS) })));
    try {
      const result = await api.get(`/api/centers/${enc(ctx.center.id)}/replay`, { date: chosen, queue, runs: RUNS, seed: 1, ...(roster ? { roster } : {}) });
      const q = result.queues.find((x) => x.queue === queue);
      fill(out, q ? replayView(ctx, q) : message('info', t('replay.nothing')));
      out.dataset.state = 'done';
    } catch (e) {
      fill(out, errorBox(e));
      out.dataset.state = 'error';
    }
  };
  const button = h('button', { type: 'button', dataset: { action: 'replay' }, onclick: run }, t('replay.button'));
  return section(t('replay.title'), h('p.note', t('replay.note')), h('div.controls', picker, button), out);
}

function kpi(value, label, cls = '') {
  return h(`div.kpi${cls ? `.${cls}` : ''}`, h('span.kpi-value', value), h('span.kpi-label', label));
}

function replayView(ctx, q) {
  const rows = q.intervals.filter((r) => r.offered > 0);
  if (rows.length === 0) return message('info', t('replay.nocalls'));
  const d = q.day;
  const sl = d.replay.serviceLevel;
  const kpis = h('div.kpis',
    kpi(sl === null ? '–' : pct(sl), t('replay.kpi.sl'), sl !== null && sl < q.serviceLevelTarget ? 'bad' : 'good'),
    kpi(d.promised.serviceLevel === null ? '–' : pct(d.promised.serviceLevel), t('replay.kpi.promised')),
    kpi(d.erlangOnActual.serviceLevel === null ? '–' : pct(d.erlangOnActual.serviceLevel), t('replay.kpi.erlang')),
    kpi(d.replay.abandonRate === null ? '–' : pct(d.replay.abandonRate), t('replay.kpi.abandon')),
    kpi(d.replay.asaSeconds === null ? '–' : `${num(d.replay.asaSeconds)} s`, t('replay.kpi.asa')),
    kpi(num(d.intervalsBelowTarget), t('replay.kpi.below'), d.intervalsBelowTarget > 0 ? 'bad' : 'good'));
  const { box, canvas } = chartBox('replay-sl', { label: t('replay.chart') });
  lineChart(canvas, {
    labels: rows.map((r) => clock(r.interval_start)),
    xTitle: t('axis.time', { zone: ctx.center.timezone }),
    yTitle: t('replay.axis'),
    series: [
      { label: t('replay.series.replay'), data: rows.map((r) => r.replay.serviceLevel), color: COLORS.vermillion, width: 3,
        band: { label: t('replay.series.band'), lower: rows.map((r) => r.replay.serviceLevelBand?.[0] ?? null), upper: rows.map((r) => r.replay.serviceLevelBand?.[1] ?? null) } },
      { label: t('replay.series.promised'), data: rows.map((r) => r.promised?.serviceLevel ?? null), color: COLORS.blue, dashed: true },
      { label: t('replay.series.erlang'), data: rows.map((r) => r.erlangOnActual?.serviceLevel ?? null), color: COLORS.black },
      { label: t('replay.series.target'), data: rows.map(() => q.serviceLevelTarget), color: COLORS.grey, dashed: true, width: 1 },
    ],
  });
  const patience = q.patienceSeconds === null ? t('replay.nopatience') : t('replay.patience', { s: num(q.patienceSeconds) });
  return h('div', h('section.card', kpis), box,
    h('p.note', t('replay.method', { runs: num(q.runs), seed: q.seed, patience, t: num(q.answerWithinSeconds) })));
}

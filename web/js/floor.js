/**
 * The floor (RP4) and schedule adherence on the today page: per interval the agents planned and actually on the
 * phones and off them (break, meal, other work); who is not where the plan has them now — the seats that can be
 * moved back to the phones first; adherence per team and per person with the minutes out.
 *
 * Endpoint: GET /api/centers/:id/floor?date.
 */
import { api } from './api.js';
import { chartBox, COLORS, lineChart } from './charts.js';
import { errorBox, h, message, section, table } from './dom.js';
import { clock, num, pct } from './format.js';
import { t } from './i18n.js';
import { agentName } from './inbox.js';

const enc = encodeURIComponent;

export async function floorSection(ctx, date) {
  let view;
  try {
    view = await api.get(`/api/centers/${enc(ctx.center.id)}/floor`, { date });
  } catch (e) {
    return section(t('floor.title'), errorBox(e));
  }
  if (view.agents.length === 0) return section(t('floor.title'), message('info', t('floor.nobody')));
  const rows = view.intervals;
  const off = (c) => (c.break ?? 0) + (c.meal ?? 0) + (c.aux ?? 0);
  const { box, canvas } = chartBox('floor-states', { label: t('floor.chart') });
  lineChart(canvas, {
    labels: rows.map((r) => clock(r.interval_start)),
    xTitle: t('axis.time', { zone: ctx.center.timezone }),
    yTitle: t('axis.agents'),
    series: [
      { label: t('floor.series.plannedPhone'), data: rows.map((r) => r.planned.phone), color: COLORS.blue, dashed: true, stepped: true },
      { label: t('floor.series.actualPhone'), data: rows.map((r) => r.actual.phone ?? null), color: COLORS.blue, width: 3, stepped: true },
      { label: t('floor.series.plannedOff'), data: rows.map((r) => off(r.planned)), color: COLORS.orange, dashed: true, stepped: true },
      { label: t('floor.series.actualOff'), data: rows.map((r) => (r.actual.phone === undefined ? null : off(r.actual))), color: COLORS.orange, width: 3, stepped: true },
    ],
  });
  const astray = view.agents.filter((a) => a.plannedNow !== a.actualNow).sort((a, b) => (b.plannedNow === 'phone') - (a.plannedNow === 'phone'));
  const state = (s) => t(`floor.state.${s}`);
  return section(t('floor.title'),
    h('p.note', t('floor.note', { at: clock(view.asOf) })),
    box,
    h('h3', t('floor.astray', { n: num(astray.length) })),
    astray.length ? table([
      { label: t('common.agent'), value: (a) => agentName(ctx.center, a.agent) },
      { label: t('floor.planned'), value: (a) => state(a.plannedNow) },
      { label: t('floor.actual'), value: (a) => h(`span.tag${a.plannedNow === 'phone' ? '.bad' : ''}`, state(a.actualNow)) },
      { label: t('floor.basis'), value: (a) => t(`floor.basis.${a.basis}`) },
    ], astray.slice(0, 50), { name: 'floor-astray' }) : message('ok', t('floor.allplaced')),
    h('h3', t('floor.teams')),
    table([
      { label: t('floor.team'), value: (x) => x.team },
      { label: t('floor.adherence'), value: (x) => (x.adherence === null ? '–' : pct(x.adherence)), num: true },
      { label: t('floor.out'), value: (x) => num(x.outMinutes), num: true },
      { label: t('floor.scheduled'), value: (x) => num(x.scheduledMinutes), num: true },
    ], view.teams, { name: 'floor-teams' }),
    whoIsWhere(ctx, view, state),
    h('details', h('summary', t('floor.people')), table([
      { label: t('common.agent'), value: (a) => agentName(ctx.center, a.agent) },
      { label: t('floor.adherence'), value: (a) => (a.adherence === null ? '–' : pct(a.adherence)), num: true },
      { label: t('floor.out'), value: (a) => num(a.outMinutes), num: true },
      { label: t('floor.exceptions'), value: (a) => a.exceptions.slice(0, 4).map((e) => `${clock(e.from)}–${clock(e.to)} ${state(e.planned)}→${state(e.actual)}`).join('; ') },
    ], [...view.agents].sort((a, b) => (a.adherence ?? 1) - (b.adherence ?? 1)), { name: 'floor-people', scroll: true })));
}

const CELL = { phone: 'good', break: 'warn', meal: 'warn', aux: '', off: 'bad' };

/** Who is where per interval: a row per person, the actual state (else the planned one, greyed) in each cell. */
function whoIsWhere(ctx, view, state) {
  const head = h('tr', h('th', t('common.agent')), view.intervals.map((r) => h('th', clock(r.interval_start))));
  const rows = view.grid.map((g) => h('tr', { dataset: { agent: g.agent } }, h('th', agentName(ctx.center, g.agent)),
    g.planned.map((p, i) => {
      const a = g.actual[i];
      const shown = a ?? p;
      return h(`td${a === null ? '.ahead' : ''}`, { title: `${t('floor.planned')}: ${state(p)}${a === null ? '' : ` · ${t('floor.actual')}: ${state(a)}`}`, dataset: { state: shown, planned: p } },
        h(`span.tag${CELL[shown] ? `.${CELL[shown]}` : ''}${a !== null && a !== p ? '.astray' : ''}`, state(shown).slice(0, 2)));
    })));
  return h('details', { dataset: { role: 'who-is-where' } }, h('summary', t('floor.who')),
    h('div.scroll-x', h('table.grid', { dataset: { table: 'who-is-where' } }, h('thead', head), h('tbody', rows))));
}

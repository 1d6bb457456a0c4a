/**
 * A Gantt-like day view of shifts: one row per agent, grouped by team, a bar from shift start to end with its
 * breaks (white notches), meals (green) and activities — exams, training, meetings (purple) — cut out, overtime in amber, an hour axis in the center's time, and
 * a legend. Plain positioned elements (percentages of the day's span), so it stays sharp and scrolls on phones.
 */
import { h } from './dom.js';
import { clock, minutesOfDay } from './format.js';
import { t } from './i18n.js';

const pctOf = (m, from, span) => `${((m - from) / span) * 100}%`;
/** "Break", "Meal", or the activity's id (an exam, training, a meeting). */
const pieceLabel = (b) => (b.kind === 'activity' ? `${t('roster.activity')} ${b.activity}` : t(`roster.${b.kind}`));

/** assignments: the day's assignments; teams: [{ id, label }]; agentOf(id) → { name, team }. */
export function gantt({ assignments, teams, agentOf, name = 'gantt' }) {
  const rows = assignments.map((a) => {
    const start = minutesOfDay(a.start);
    const end = start + (Date.parse(a.end) - Date.parse(a.start)) / 60_000;
    const breaks = (a.breaks ?? []).map((b) => {
      const s = start + (Date.parse(b.start) - Date.parse(a.start)) / 60_000;
      return { ...b, s, e: s + b.minutes };
    });
    for (const x of a.activities ?? []) {
      const s = start + (Date.parse(x.start) - Date.parse(a.start)) / 60_000;
      breaks.push({ start: x.start, minutes: x.minutes, kind: 'activity', activity: x.activity, s, e: s + x.minutes });
    }
    return { a, start, end, breaks, agent: agentOf(a.agent) };
  });
  if (rows.length === 0) return h('p.msg.info', t('roster.noshifts'));
  const from = Math.floor(Math.min(...rows.map((r) => r.start)) / 60) * 60;
  const to = Math.ceil(Math.max(...rows.map((r) => r.end)) / 60) * 60;
  const span = Math.max(60, to - from);
  const hoursList = [];
  for (let m = from; m <= to; m += 60) hoursList.push(m);
  const label = (m) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:00`;
  const grid = h('div.gantt', { dataset: { gantt: name, rows: String(rows.length) } },
    h('div', ''),
    h('div.axis', hoursList.map((m) => h('span', { style: { left: pctOf(m, from, span) } }, label(m)))));
  const teamIds = [...new Set(rows.map((r) => r.agent?.team ?? ''))];
  const order = teams.map((x) => x.id).filter((id) => teamIds.includes(id)).concat(teamIds.filter((id) => !teams.some((x) => x.id === id)));
  for (const team of order) {
    const members = rows.filter((r) => (r.agent?.team ?? '') === team).sort((x, y) => x.start - y.start || x.a.agent.localeCompare(y.a.agent));
    grid.append(h('div.team', { dataset: { team } }, `${t('common.team')} ${team || '–'} · ${members.length}`));
    for (const r of members) {
      const title = `${r.agent?.name ?? r.a.agent} · ${r.a.shift} ${clock(r.a.start)}–${clock(r.a.end)}`
        + (r.breaks.length ? ` · ${r.breaks.map((b) => `${pieceLabel(b)} ${clock(b.start)} ${b.minutes}′`).join(', ')}` : '');
      grid.append(
        h('div.who-cell', { title: r.a.agent }, r.agent?.name ?? r.a.agent),
        h('div.track',
          hoursList.map((m) => h('span.hourline', { style: { left: pctOf(m, from, span) } })),
          h(`div.shift${r.a.kind === 'overtime' ? '.overtime' : ''}`, { title, dataset: { agent: r.a.agent }, style: { left: pctOf(r.start, from, span), width: pctOf(r.end, r.start, span) } },
            r.breaks.map((b) => h(`span.brk.${b.kind}`, { title: `${pieceLabel(b)} ${clock(b.start)} · ${b.minutes}′`, dataset: b.activity ? { activity: b.activity } : {}, style: { left: pctOf(b.s, r.start, r.end - r.start), width: pctOf(b.e, b.s, r.end - r.start) } })))));
    }
  }
  const legend = h('div.gantt-legend',
    h('span', h('i', { style: { background: '#7fb8dc' } }), t('roster.legend.shift')),
    h('span', h('i', { style: { background: '#fff' } }), t('roster.legend.break')),
    h('span', h('i', { style: { background: '#009E73', borderColor: '#009E73' } }), t('roster.legend.meal')),
    h('span', h('i', { style: { background: '#CC79A7', borderColor: '#CC79A7' } }), t('roster.legend.activity')),
    h('span', h('i', { style: { background: '#f4c67a', borderColor: '#b86e00' } }), t('roster.legend.overtime')));
  return h('div', legend, h('div.scroll-x', grid));
}

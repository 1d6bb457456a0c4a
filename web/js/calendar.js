/**
 * One person's month as a calendar (weeks from Monday): each day shows the shift code and times, the number
 * of breaks and the meal, or "rest" / the leave type. Used by the roster page (any agent in scope) and by
 * My schedule (the signed-in agent).
 */
import { h } from './dom.js';
import { clock, daysOfMonth, isoWeekday, localDate, weekdayName } from './format.js';
import { t } from './i18n.js';

/** assignments: the person's assignments of the month; leave: Map date → label (approved leave). */
export function monthCalendar(month, assignments, { leave = new Map(), name = 'calendar' } = {}) {
  const byDate = new Map();
  for (const a of assignments) (byDate.get(a.date) ?? byDate.set(a.date, []).get(a.date)).push(a);
  const dates = daysOfMonth(month);
  const today = localDate();
  const cells = [];
  for (let i = 1; i < isoWeekday(dates[0]); i++) cells.push(h('div.cell.blank'));
  for (const d of dates) {
    const shifts = (byDate.get(d) ?? []).sort((x, y) => x.start.localeCompare(y.start));
    const cls = shifts.length ? '' : leave.has(d) ? '.leave' : '.off';
    cells.push(h(`div.cell${cls}${d === today ? '.today' : ''}`, { dataset: { date: d, shifts: String(shifts.length) } },
      h('div.d', String(Number(d.slice(8)))),
      shifts.map((a) => h('div',
        h('span.code', a.shift), ` ${clock(a.start)}–${clock(a.end)}`,
        a.kind === 'overtime' ? h('span.tag.warn', t('roster.legend.overtime')) : null,
        h('div.brks', breaksText(a)))),
      !shifts.length ? h('div', leave.get(d) ?? t('roster.rest')) : null));
  }
  return h('div', h('div.calendar', { dataset: { calendar: name } },
    [1, 2, 3, 4, 5, 6, 7].map((wd) => h('div.dow', weekdayName(dates.find((d) => isoWeekday(d) === wd)))),
    cells));
}

export function breaksText(a) {
  const meal = (a.breaks ?? []).find((b) => b.kind === 'meal');
  const n = (a.breaks ?? []).filter((b) => b.kind === 'break').length;
  const activities = (a.activities ?? []).map((x) => `${x.activity} ${clock(x.start)}`);
  return [n ? t('roster.breaks.n', { n }) : null, meal ? `${t('roster.meal')} ${clock(meal.start)}` : null, ...activities].filter(Boolean).join(' · ');
}

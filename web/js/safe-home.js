/**
 * RP5 on the today page: the day's shift ends with the people whose day ends then, when the safe-home report is
 * due (end + 1.5 h) and whether it is upcoming, due or made; reports still due from the last days are listed first
 * as reminders. Managers record the report; supervisors and deputies see it.
 *
 * Endpoints: GET /api/centers/:id/safe-home?date, GET /api/centers/:id/safe-home/overdue, POST /api/centers/:id/safe-home.
 */
import { api } from './api.js';
import { errorBox, fill, h, message, section, table } from './dom.js';
import { clock, day, num } from './format.js';
import { t } from './i18n.js';

const enc = encodeURIComponent;
const REPORTERS = ['admin', 'director', 'manager'];

export async function safeHomeSection(ctx, date) {
  const base = `/api/centers/${enc(ctx.center.id)}/safe-home`;
  const out = h('div', { dataset: { role: 'safe-home' } });
  const load = async () => {
    try {
      const [today, overdue] = await Promise.all([api.get(base, { date }), api.get(`${base}/overdue`)]);
      const earlier = overdue.items.filter((i) => i.date !== date);
      fill(out,
        earlier.length ? h('div', message('error', t('safehome.overdue', { n: num(earlier.length) })), itemsTable(ctx, earlier, base, load, true)) : null,
        today.items.length ? itemsTable(ctx, today.items, base, load, false) : message('info', t('safehome.none')));
    } catch (e) {
      fill(out, errorBox(e));
    }
  };
  await load();
  return section(t('safehome.title'), h('p.note', t('safehome.note')), out);
}

function itemsTable(ctx, items, base, reload, withDay) {
  const may = REPORTERS.includes(ctx.me.role);
  return table([
    ...(withDay ? [{ label: t('common.date'), value: (i) => day(i.date) }] : []),
    { label: t('safehome.end'), value: (i) => clock(i.shiftEnd) },
    { label: t('safehome.people'), value: (i) => h('span', { title: i.agents.join(', ') }, num(i.people)), num: true },
    { label: t('safehome.due'), value: (i) => clock(i.dueAt) },
    {
      label: t('safehome.status'),
      value: (i) => {
        if (i.status === 'reported') return h('span.tag.good', { dataset: { status: 'reported' } }, t('safehome.reported', { by: i.report.by ?? '–', at: clock(i.report.at) }));
        if (i.status === 'upcoming') return h('span.tag', { dataset: { status: 'upcoming' } }, t('safehome.upcoming'));
        const cell = h('div.actions', { dataset: { status: 'due' } }, h('span.tag.bad', t('safehome.dueby', { min: num(i.overdueMinutes) })));
        if (may) {
          cell.append(h('button.good', {
            type: 'button', dataset: { action: 'safe-home' },
            onclick: async () => {
              try {
                await api.post(base, { date: i.date, shiftEnd: i.shiftEnd });
                await reload();
              } catch (e) {
                cell.append(errorBox(e));
              }
            },
          }, t('safehome.report')));
        }
        return cell;
      },
    },
  ], items, { name: withDay ? 'safe-home-overdue' : 'safe-home' });
}

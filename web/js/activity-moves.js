/**
 * Today's exams, training and meetings into the surplus (today page, TR1–TR4): the moves of the activities not
 * yet started to where the reforecast says they cost least, with the rest of the day's shortfall before and
 * after; supervisors and planners apply them (a new roster version).
 *
 * Endpoints: GET /api/centers/:id/activity-moves?date=, POST /api/centers/:id/activity-moves.
 */
import { api } from './api.js';
import { errorBox, fill, h, message, section, table } from './dom.js';
import { clock, hours } from './format.js';
import { t } from './i18n.js';

const MOVERS = ['admin', 'director', 'manager', 'deputy', 'supervisor'];

export function activityMovesSection(ctx, date) {
  const path = `/api/centers/${encodeURIComponent(ctx.center.id)}/activity-moves`;
  const out = h('div', { dataset: { role: 'activity-moves' } });
  const load = async (done) => {
    try {
      const plan = await api.get(path, { date });
      if (plan.moves.length === 0) return fill(out, done ?? null, message('info', t('moves.none')));
      fill(out, done ?? null,
        h('p', t('moves.gain', { before: hours(plan.under.before), after: hours(plan.under.after) })),
        table([
          { label: t('acts.who'), value: (m) => m.agent },
          { label: t('acts.activity'), value: (m) => m.activity },
          { label: t('moves.from'), value: (m) => clock(m.from) },
          { label: t('moves.to'), value: (m) => clock(m.to) },
        ], plan.moves, { name: 'activity-moves' }),
        MOVERS.includes(ctx.me.role) ? h('button', { type: 'button', dataset: { action: 'move-activities' }, async onclick() {
          try {
            const r = await api.post(path, { date, rosterId: plan.rosterId });
            await load(message('ok', t('moves.applied', { n: r.moves.length, version: r.version.version })));
          } catch (e) {
            fill(out, errorBox(e));
          }
        } }, t('moves.apply')) : null);
    } catch (e) {
      fill(out, errorBox(e));
    }
  };
  load();
  return section(t('moves.title'), h('p.note', t('moves.note')), out);
}

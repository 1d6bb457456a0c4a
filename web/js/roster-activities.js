/**
 * Exams, training and meetings of a roster version (coverage page, TR1–TR4): per activity how many attendees
 * have it and who does not (and why), and per queue the surplus the roster had, what the activities absorbed
 * of it and what they cost in understaffing. Shown only when the center declares activities.
 *
 * Endpoint: GET /api/rosters/:id/activities.
 */
import { api } from './api.js';
import { errorBox, fill, h, table } from './dom.js';
import { hours, num } from './format.js';
import { t } from './i18n.js';

export function rosterActivitiesSection(ctx, roster) {
  const sec = h('section.card', { dataset: { section: 'activities' } }, h('h2', t('acts.title')), h('p.note', t('acts.about')));
  const body = h('div');
  sec.append(body);
  api.get(`/api/rosters/${roster.id}/activities`).then((r) => {
    const missing = r.activities.flatMap((a) => a.missing.map((m) => ({ ...m, activity: a.name ?? a.activity })));
    fill(body,
      table([
        { label: t('acts.activity'), value: (a) => a.name ?? a.activity },
        { label: t('acts.rule'), value: (a) => a.rule },
        { label: t('acts.placed'), value: (a) => `${num(a.placed)} / ${num(a.attendees)}`, num: true },
        { label: t('acts.hours'), value: (a) => hours(a.hours), num: true },
      ], r.activities, { name: 'activities' }),
      table([
        { label: t('acts.queue'), value: (q) => q.queue },
        { label: t('acts.absorbed'), value: (q) => hours(q.absorbed), num: true },
        { label: t('acts.price'), value: (q) => hours(q.price), num: true },
        { label: t('acts.left'), value: (q) => hours(q.surplusLeft), num: true },
      ], r.queues, { name: 'activity-absorption', caption: t('acts.absorption') }),
      missing.length ? table([
        { label: t('acts.who'), value: (m) => m.agent },
        { label: t('acts.activity'), value: (m) => m.activity },
        { label: t('acts.why'), value: (m) => t(`acts.why.${m.code}`) },
      ], missing.slice(0, 200), { name: 'activity-missing', caption: t('acts.missing', { n: missing.length }) }) : null);
  }).catch((e) => fill(body, errorBox(e)));
  return sec;
}

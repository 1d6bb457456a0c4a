/**
 * The price of each rule (coverage page): the month's lower bound on understaffed agent-hours, the rules it
 * covers, and per rule the bound without it — the hours that rule costs whatever the roster. Computed on
 * request as a job (a progress bar), then kept with the version.
 *
 * Endpoints: GET /api/rosters/:id/rule-prices, POST /api/rosters/:id/rule-prices (→ job, GET /api/jobs/:id).
 */
import { api } from './api.js';
import { mayPlanRoster } from './access.js';
import { errorBox, fill, h, message, table } from './dom.js';
import { hours } from './format.js';
import { t } from './i18n.js';
import { jobProgress } from './job-progress.js';

export function rulePricesSection(ctx, roster) {
  const sec = h('section.card', { dataset: { section: 'rule-prices' } }, h('h2', t('prices.title')), h('p.note', t('prices.about')));
  const body = h('div');
  sec.append(body);
  const show = async () => {
    try {
      const r = await api.get(`/api/rosters/${roster.id}/rule-prices`);
      const rows = [...r.prices].sort((a, b) => b.price - a.price);
      fill(body,
        h('p', t('prices.bound', { bound: hours(r.bound), covers: r.covers.join(', ') })),
        r.wholeShifts ? h('p', { dataset: { field: 'whole-shifts' } }, t('prices.whole', { bound: hours(r.wholeShifts.bound), proven: r.wholeShifts.provenDays, days: r.wholeShifts.days })) : null,
        table([
          { label: t('prices.rule'), value: (p) => `${p.rules.join(', ')}` },
          { label: t('prices.relaxed'), value: (p) => t(`prices.id.${p.id}`) },
          { label: t('prices.without'), value: (p) => (Number.isFinite(p.bound) ? hours(p.bound) : '–'), num: true },
          { label: t('prices.price'), value: (p) => (Number.isFinite(p.bound) ? hours(p.price) : '–'), num: true },
        ], rows, { name: 'rule-prices' }));
    } catch (e) {
      if (e.status !== 404) return fill(body, errorBox(e));
      fill(body, message('info', t('prices.none')));
      if (mayPlanRoster(ctx.me)) body.append(h('button', { type: 'button', dataset: { action: 'rule-prices' }, async onclick() {
        try {
          const job = await api.post(`/api/rosters/${roster.id}/rule-prices`);
          const p = jobProgress(job.jobId, { title: t('prices.computing') });
          fill(body, p.el);
          const final = await p.done;
          if (final.status === 'completed') await show();
        } catch (err) {
          fill(body, errorBox(err));
        }
      } }, t('prices.compute')));
    }
  };
  void show();
  return sec;
}

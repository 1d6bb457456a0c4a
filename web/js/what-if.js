/**
 * What-if staffing on the forecast page, before solving: for the forecast's month, the agents to hire and the
 * paid hours required as one lever moves — the service-level target, the AHT (a factor) or absence (shrinkage).
 *
 * Endpoint: GET /api/centers/:id/staffing-plan/what-if?month&lever.
 */
import { api } from './api.js';
import { barChart, chartBox, COLORS } from './charts.js';
import { errorBox, fill, h, message, section, select } from './dom.js';
import { num, pct } from './format.js';
import { t } from './i18n.js';

const LABEL = { serviceLevel: (v) => pct(v, 0), aht: (v) => `× ${num(v, 2)}`, absence: (v) => pct(v, 0) };

export function whatIfSection(ctx, month) {
  const out = h('div', { dataset: { role: 'what-if' } });
  let lever = 'serviceLevel';
  const run = async () => {
    out.dataset.state = 'running';
    fill(out, message('info', t('whatif.running')));
    try {
      const r = await api.get(`/api/centers/${encodeURIComponent(ctx.center.id)}/staffing-plan/what-if`, { month, lever });
      const { box, canvas } = chartBox('what-if', { label: t('whatif.chart') });
      fill(out, box, h('p.note', t('whatif.note', { forecast: r.forecastId, month })));
      barChart(canvas, {
        labels: r.points.map((p) => LABEL[lever](p.value)),
        xTitle: t(`whatif.lever.${lever}`),
        yTitle: t('whatif.hires'),
        y2Title: t('whatif.hours'),
        series: [{ label: t('whatif.hires'), data: r.points.map((p) => p.hires), color: COLORS.vermillion }],
        lines: [
          { label: t('whatif.required'), data: r.points.map((p) => p.requiredPaidHours), color: COLORS.blue, axis: 'y2', points: true },
          { label: t('whatif.available'), data: r.points.map((p) => p.availablePaidHours), color: COLORS.grey, axis: 'y2', dashed: true },
        ],
      });
      out.dataset.state = 'done';
    } catch (e) {
      fill(out, errorBox(e));
      out.dataset.state = 'error';
    }
  };
  return section(t('whatif.title', { month }),
    h('div.controls',
      select('what-if-lever', ['serviceLevel', 'aht', 'absence'].map((v) => ({ value: v, label: t(`whatif.lever.${v}`) })), lever, (v) => { lever = v; }, t('whatif.lever')),
      h('button', { type: 'button', dataset: { action: 'what-if' }, onclick: run }, t('whatif.button'))),
    out);
}

/**
 * Overrides on the forecast page (analysts): adjust the shown queue's day by a percentage or to a total, with a
 * reason; the list of the forecast's overrides (who, why, in force or revoked) with revoke. Requirement sets
 * computed from the forecast follow on the server; the page reloads to show the adjusted series beside the original.
 *
 * Endpoints: GET/POST /api/forecasts/:id/overrides, POST /api/forecasts/:id/overrides/revoke.
 */
import { api } from './api.js';
import { errorBox, fill, h, input, message, section, table } from './dom.js';
import { dateTime, day, num } from './format.js';
import { t } from './i18n.js';

export async function overridesSection(ctx, forecast, queue, date) {
  const base = `/api/forecasts/${forecast.id}/overrides`;
  const mayEdit = ['analyst', 'manager', 'director', 'admin'].includes(ctx.me.role);
  const out = h('div.result', { dataset: { role: 'override-result' } });
  const list = await api.get(base).catch((e) => e);
  const form = h('form.inline', {
    async onsubmit(ev) {
      ev.preventDefault();
      const d = new FormData(form);
      const value = Number(d.get('value'));
      const body = { queue, date: d.get('date'), reason: d.get('reason'), ...(d.get('how') === 'total' ? { total: value } : { percent: value }) };
      try {
        const res = await api.post(base, body);
        fill(out, message('ok', t('override.done', { before: num(res.callsBefore), after: num(res.callsAfter) })));
        ctx.go({ overridden: String(res.override.id) });
      } catch (e) {
        fill(out, errorBox(e));
      }
    },
  },
  input('date', { type: 'date', value: date, required: true }, t('common.date')),
  h('label.field', h('span', t('override.how')), h('select', { name: 'how' }, h('option', { value: 'percent' }, t('override.percent')), h('option', { value: 'total' }, t('override.total')))),
  input('value', { type: 'number', step: 'any', required: true, value: 10 }, t('override.value')),
  input('reason', { required: true, minlength: 3, placeholder: t('override.reason.hint') }, t('override.reason')),
  h('button', { type: 'submit', dataset: { action: 'override' } }, t('override.button')));
  const revoke = async (o) => {
    try {
      await api.post(`${base}/revoke`, { override: o.id });
      ctx.go({ overridden: `r${o.id}` });
    } catch (e) {
      fill(out, errorBox(e));
    }
  };
  const rows = list instanceof Error ? [] : list.filter((o) => o.queue === queue);
  return section(t('override.title', { queue }),
    h('p.note', t('override.note')),
    mayEdit ? form : null, out,
    list instanceof Error ? errorBox(list) : rows.length === 0 ? message('info', t('override.none')) : table([
      { label: t('override.range'), value: (o) => `${day(o.from.slice(0, 10))} ${o.from.slice(11, 16)} – ${o.to.slice(11, 16)}` },
      { label: t('override.change'), value: (o) => (o.percent !== null ? `${o.percent > 0 ? '+' : ''}${num(o.percent, 1)}%` : `= ${num(o.total)}`) },
      { label: t('override.reason'), value: (o) => o.reason },
      { label: t('override.by'), value: (o) => `${o.by ?? '–'} · ${dateTime(o.at)}` },
      { label: '', value: (o) => (o.revokedAt ? h('span.tag', t('override.revoked')) : mayEdit ? h('button.secondary', { type: 'button', dataset: { action: 'revoke-override' }, onclick: () => revoke(o) }, t('override.revoke')) : '') },
    ], rows, { name: 'overrides' }));
}

/**
 * Voluntary time off on the today page (issue 26): the windows ahead where the reforecast has agents to spare for
 * an hour or more; offering one of them to a number of agents (the roles that call overtime); the day's offers
 * with their ranked candidates, each agent's answer (accept: the shift is shortened in a new roster version),
 * and withdrawing an offer.
 *
 * Endpoints: GET and POST /api/centers/:id/vto-offers, POST /api/vto-offers/:id/agents/:agentId/answer,
 * POST /api/vto-offers/:id/close.
 */
import { api } from './api.js';
import { errorBox, fill, h, input, message, section, table } from './dom.js';
import { clock, num } from './format.js';
import { t } from './i18n.js';
import { agentName } from './inbox.js';
import { answerColumn } from './answer-cell.js';

const enc = encodeURIComponent;
const OFFERERS = ['supervisor', 'deputy', 'manager', 'director', 'admin'];

export function vtoSection(ctx, q, date) {
  const canOffer = OFFERERS.includes(ctx.me.role);
  const offers = h('div', { dataset: { role: 'vto-offers' } });
  const none = message('info', t('vto.none'));
  const show = (offer) => {
    none.remove();
    offers.prepend(offerCard(ctx, offer, canOffer));
  };
  const sec = section(t('vto.title'));
  const windows = q.surplus ?? [];
  if (windows.length === 0) sec.append(message('info', t('vto.nowindows')));
  else {
    sec.append(table([
      { label: t('today.window'), value: (w) => `${clock(w.from)}–${clock(w.to)}` },
      { label: t('vto.over'), value: (w) => num(w.minSurplus, 1), num: true },
      { label: t('vto.hoursover'), value: (w) => num(w.agentHoursOver, 1), num: true },
      { label: t('vto.maygo'), value: (w) => num(w.agents), num: true },
      ...(canOffer ? [{ label: '', value: (w) => offerForm(ctx, q.queue, w, show) }] : []),
    ], windows, { caption: t('vto.windows'), name: 'vto-windows' }));
  }
  sec.append(h('h3', t('vto.offers')), offers);
  api.get(`/api/centers/${enc(ctx.center.id)}/vto-offers`, { date })
    .then((r) => {
      const mine = r.offers.filter((o) => o.queue === q.queue);
      if (mine.length === 0 && !offers.firstChild) offers.append(none);
      for (const o of mine) show(o);
    })
    .catch((e) => offers.append(errorBox(e)));
  return sec;
}

function offerForm(ctx, queue, w, show) {
  const out = h('span');
  const form = h('form.inline', {
    dataset: { window: w.from },
    async onsubmit(ev) {
      ev.preventDefault();
      const count = Number(new FormData(form).get('count'));
      fill(out, message('info', t('vto.ranking')));
      try {
        show(await api.post(`/api/centers/${enc(ctx.center.id)}/vto-offers`, { queue, from: w.from, to: w.to, count }));
        fill(out);
      } catch (e) {
        fill(out, errorBox(e));
      }
    },
  },
  input('count', { type: 'number', min: 1, max: Math.max(1, w.agents), value: Math.max(1, w.agents), required: true }, t('vto.count')),
  h('button', { type: 'submit', dataset: { action: 'offer-vto' } }, t('vto.offer')));
  return h('div', form, out);
}

function offerCard(ctx, offer, canOffer) {
  const { center } = ctx;
  const card = h('div.vto-offer', { dataset: { offer: offer.id } });
  const status = h('p', { dataset: { role: 'vto-status' } });
  const open = offer.status === 'open';
  const withdraw = canOffer && open ? h('button.secondary', { type: 'button', dataset: { action: 'close-vto' }, onclick: () => close() }, t('vto.close')) : null;
  const setStatus = (o) => {
    const accepted = (o.responses ?? []).filter((r) => r.accept).length;
    fill(status, t('vto.status', { status: t(`vto.status.${o.status}`), accepted: num(accepted), count: num(o.count) }));
    status.dataset.status = o.status;
    if (o.status !== 'open') withdraw?.remove();
  };
  setStatus(offer);
  const answered = new Map((offer.responses ?? []).map((r) => [r.agent, r.accept]));
  const answerCell = answerColumn({
    center, answered, open,
    record: async (cand, accept) => {
      const res = await api.post(`/api/vto-offers/${offer.id}/agents/${enc(cand.agent)}/answer`, { accept });
      setStatus(res.offer);
      return accept && res.roster ? t('vto.version', { version: res.roster.version }) : '';
    },
  });
  async function close() {
    withdraw.disabled = true;
    try {
      setStatus(await api.post(`/api/vto-offers/${offer.id}/close`, {}));
    } catch (e) {
      withdraw.replaceWith(errorBox(e));
    }
  }
  const rows = offer.candidates ?? [];
  const excluded = offer.excluded ?? [];
  card.append(
    h('h4', t('vto.list', { id: offer.id, queue: offer.queue, window: `${clock(offer.from)}–${clock(offer.to)}` })),
    status,
    withdraw,
    rows.length === 0 ? message('info', t('vto.nobody')) : table([
      { label: '#', value: (c) => num(c.rank), num: true },
      { label: t('common.agent'), value: (c) => agentName(center, c.agent) },
      { label: t('vto.timeoff'), value: (c) => `${clock(c.start)}–${clock(c.end)} (${t(`vto.mode.${c.mode}`)})` },
      { label: t('vto.worked'), value: (c) => (c.worked ? `${clock(c.worked.start)}–${clock(c.worked.end)}` : t('vto.dayoff')) },
      { label: t('vto.vtohours'), value: (c) => num(c.vtoHoursThisMonth, 1), num: true },
      { label: t('today.tier'), value: (c) => `${c.tier ?? '–'} · ${num(c.callsPerHour)}` },
      { label: t('today.reasons'), value: (c) => h('ul.reasons', c.reasons.map((r) => h('li', r))) },
      { label: t('today.answer'), value: answerCell },
    ], rows, { caption: offer.ranking ?? '', scroll: true, name: 'vto' }),
    excluded.length ? h('details', h('summary', t('today.excluded', { n: num(excluded.length) })),
      table([
        { label: t('common.agent'), value: (x) => agentName(center, x.agent) },
        { label: t('common.rule'), value: (x) => x.rules.join(', ') },
        { label: t('today.reasons'), value: (x) => x.reasons.join('; ') },
      ], excluded.slice(0, 200))) : null);
  return card;
}

/**
 * Requests waiting for the signed-in approver (leave, swaps, rest-day moves): who, what, the approval route
 * with the rule of each step (L1–L9, R5, R6), the decisions so far with their rules, the checks' verdicts, and
 * approve / reject. The server decides: an approval may forward, grant, or escalate naming the rule.
 *
 * Endpoints: GET /api/requests?status=pending|escalated, POST /api/requests/:id/approve, POST /api/requests/:id/reject.
 */
import { api } from './api.js';
import { errorBox, fill, h, message } from './dom.js';
import { dateTime, day } from './format.js';
import { t } from './i18n.js';

export function waitsFor(req, me) {
  const next = req.nextApprover;
  if (!next || !['pending', 'escalated'].includes(req.status)) return false;
  if (req.agent === me.agent) return false;
  if (next.user !== undefined) return next.user === me.userId;
  if (next.agent) return next.agent === me.agent;
  return next.role === me.role;
}

export function agentName(center, id) {
  const a = center.agents.find((x) => x.id === id);
  return a ? `${a.name} (${id})` : id;
}

export function describeRequest(r) {
  const d = r.details ?? {};
  if (r.kind === 'leave') return t('req.leave.what', { type: t(`req.leave.${d.type}`), from: day(d.from), to: day(d.to), days: d.days });
  if (r.kind === 'swap' && d.mode === 'peer') return t('req.swap.peer.what', { date: day(d.date), with: d.with });
  if (r.kind === 'swap') return t('req.swap.self.what', { date: day(d.date), toDate: day(d.toDate ?? d.date), start: d.toStart ?? '', shift: d.toShift ?? '' });
  if (r.kind === 'rest-day') return t('req.rest.what', { from: day(d.from), to: day(d.to) });
  return r.kind;
}

export function statusTag(status) {
  const cls = { approved: 'good', rejected: 'bad', cancelled: '', escalated: 'warn', pending: 'warn' }[status] ?? '';
  return h(`span.tag${cls ? `.${cls}` : ''}`, { dataset: { status } }, t(`req.status.${status}`));
}

/** The rule reasons of a request: route steps, decisions, and the checks behind the last verdict. */
export function reasons(r) {
  const items = [];
  if (r.route?.length) items.push(h('li', t('req.route'), ' ', r.route.map((s) => `${t(`role.${s.role}`)}${s.agent ? ` ${s.agent}` : ''} [${s.rule}]`).join(' → ')));
  for (const d of r.decisions ?? []) {
    items.push(h('li', `${dateTime(d.at)} · ${t(`req.outcome.${d.outcome}`)}${d.rule ? ` [${d.rule}]` : ''}${d.message ? ` — ${d.message}` : ''}`));
  }
  for (const c of r.impact?.checks ?? []) items.push(h('li', h(`span.tag.${c.ok ? 'good' : 'bad'}`, c.rule), ' ', c.message));
  if (r.impact?.verdict?.violations) {
    for (const v of r.impact.verdict.violations) items.push(h('li', h('span.tag.bad', v.rule), ' ', v.message));
  }
  return h('ul.reasons', items);
}

function requestItem(r, center) {
  const out = h('div.result');
  const act = async (action) => {
    for (const b of item.querySelectorAll('button')) b.disabled = true;
    try {
      const body = action === 'reject' ? { reason: reasonInput.value || undefined } : undefined;
      const updated = await api.post(`/api/requests/${r.id}/${action}`, body);
      const last = updated.decisions?.[updated.decisions.length - 1];
      fill(out,
        message(updated.status === 'approved' ? 'ok' : 'info', `${t('req.after', { status: t(`req.status.${updated.status}`), rule: updated.rule ?? '–' })}${last?.message ? ` ${last.message}` : ''}`),
        h('ul.reasons', (updated.impact?.checks ?? []).map((c) => h('li', h(`span.tag.${c.ok ? 'good' : 'bad'}`, c.rule), ' ', c.message))));
      item.dataset.status = updated.status;
      item.querySelector('.actions')?.remove();
      const next = statusTag(updated.status);
      tag.replaceWith(next);
      tag = next;
    } catch (e) {
      fill(out, errorBox(e));
      for (const b of item.querySelectorAll('button')) b.disabled = false;
    }
  };
  const reasonInput = h('input', { name: 'reject-reason', placeholder: t('req.reject.reason'), 'aria-label': t('req.reject.reason') });
  let tag = statusTag(r.status);
  const item = h('div.item', { dataset: { request: String(r.id), status: r.status } },
    h('div', h('strong', agentName(center, r.agent)), ' · ', t(`req.kind.${r.kind}`), ' ', tag),
    h('div', describeRequest(r), r.details?.reason ? ` — “${r.details.reason}”` : ''),
    reasons(r),
    h('div.actions',
      h('button.good', { type: 'button', dataset: { action: 'approve' }, onclick: () => act('approve') }, t('req.approve')),
      reasonInput,
      h('button.danger', { type: 'button', dataset: { action: 'reject' }, onclick: () => act('reject') }, t('req.reject'))),
    out);
  return item;
}

/** The inbox section; a decided request stays in the list with its new status until the list is reloaded. */
export async function inboxSection(ctx) {
  const { me, center } = ctx;
  const list = h('div.list', { dataset: { role: 'inbox' } });
  const refresh = h('button.secondary', { type: 'button', onclick: () => load() }, t('common.refresh'));
  const sec = h('section.card', h('div.page-head', h('h2', t('inbox.title')), refresh), list);
  const load = async () => {
    try {
      const [pending, escalated] = await Promise.all([
        api.get('/api/requests', { status: 'pending', limit: 200, center: me.center ? undefined : center.id }),
        api.get('/api/requests', { status: 'escalated', limit: 200, center: me.center ? undefined : center.id }),
      ]);
      const mine = [...pending, ...escalated].filter((r) => waitsFor(r, me)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      fill(list, mine.length ? mine.map((r) => requestItem(r, center)) : message('info', t('inbox.empty')));
    } catch (e) {
      fill(list, errorBox(e));
    }
  };
  await load();
  return sec;
}

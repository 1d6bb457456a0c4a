/**
 * On My schedule: before asking for leave, each rostered day of the month marked open (the lead or supervisor
 * grants it), needs the manager (L7: someone under the same duty supervisor is already off; L9: the team's month
 * has no leave day left above 95%), closed (L10 training) or already leave; and how many leave days the team's
 * month can still take.
 *
 * Endpoint: GET /api/centers/:id/agents/:agentId/leave-allowance?month.
 */
import { api } from './api.js';
import { errorBox, h, message, section } from './dom.js';
import { day, num, pct } from './format.js';
import { t } from './i18n.js';

const TAG = { open: 'good', 'needs manager': 'warn', closed: 'bad', 'on leave': '' };

export async function leaveAllowanceSection(ctx, month) {
  let a;
  try {
    a = await api.get(`/api/centers/${encodeURIComponent(ctx.center.id)}/agents/${encodeURIComponent(ctx.me.agent)}/leave-allowance`, { month });
  } catch (e) {
    return section(t('allow.title'), errorBox(e));
  }
  const days = a.days.filter((d) => d.rostered || d.mine || d.training);
  return section(t('allow.title'),
    a.team9 ? h('p.note', t('allow.team', { team: a.team ?? '–', more: num(a.team9.moreDays), rate: pct(a.team9.rate), floor: pct(a.team9.floor, 0) })) : h('p.note', t('allow.noroster')),
    h('p.note', { dataset: { role: 'balances' } }, t('allow.balances', {
      rest: num(a.balances.restDay.left), restQ: num(a.balances.restDay.quota), self: num(a.balances.swapSelf.left), selfQ: num(a.balances.swapSelf.quota),
      peer: num(a.balances.swapPeer.left), peerQ: num(a.balances.swapPeer.quota),
      leave: Object.entries(a.balances.leaveDays.year).map(([k, v]) => `${t(`req.leave.${k}`)} ${num(v)}`).join(', ') || '0',
    })),
    days.length === 0 ? message('info', t('allow.none')) : h('ul.allowance', { dataset: { role: 'leave-allowance' } },
      days.map((d) => h('li', { dataset: { date: d.date, status: d.status } },
        h(`span.tag${TAG[d.status] ? `.${TAG[d.status]}` : ''}`, t(`allow.status.${d.status}`)), ' ', day(d.date),
        d.rules.length ? ` (${d.rules.join(', ')})` : ''))));
}

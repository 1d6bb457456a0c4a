/**
 * My schedule (every person of the center: agents, leads, supervisors): my month as a calendar from the
 * published roster, my exams, training and meetings of the month (TR1–TR4), my breaks and meal on a chosen day, requests for leave, a shift swap (myself or with a
 * colleague, R6) or a rest-day move (R5) with their status, route and rule reasons; a lead also sees the
 * requests waiting for them.
 *
 * Endpoints: GET /api/centers/:id/rosters?month=, GET /api/rosters/:id, GET /api/requests?mine=true,
 * POST /api/requests, POST /api/requests/:id/cancel, plus the inbox's (inbox.js).
 */
import { api } from '../api.js';
import { breaksText, monthCalendar } from '../calendar.js';
import { errorBox, fill, h, input, message, section, select, table } from '../dom.js';
import { addDays, clock, day, daysOfMonth, localDate, monthOf } from '../format.js';
import { t } from '../i18n.js';
import { describeRequest, inboxSection, reasons, statusTag } from '../inbox.js';
import { leaveAllowanceSection } from '../leave-allowance.js';
import { chooseRoster, monthParam, monthSelect, rosterVersions } from '../roster-data.js';

export async function render(root, ctx) {
  const { me, center, params } = ctx;
  const month = monthParam(params);
  const controls = h('div.controls', monthSelect(month, (v) => ctx.go({ month: v, date: undefined })));
  root.append(h('div.page-head', h('h1', t('page.my')), controls));

  let mine = [];
  const scheduleSec = section(t('my.month', { month: '' }).trim());
  root.append(scheduleSec);
  try {
    const roster = chooseRoster((await rosterVersions(center, month)).filter((r) => r.status === 'published'), null);
    if (!roster) scheduleSec.append(message('info', t('my.noroster')));
    else {
      const full = await api.get(`/api/rosters/${roster.id}`, { agent: me.agent, fields: 'assignments' });
      mine = (full.assignments ?? []).filter((a) => a.agent === me.agent);
      const requests = await myRequests();
      const leave = new Map();
      for (const r of requests.filter((x) => x.kind === 'leave' && x.status === 'approved')) {
        for (let d = r.from; d <= r.to; d = addDays(d, 1)) leave.set(d, t(`req.leave.${r.details.type}`));
      }
      scheduleSec.append(h('p.note', t('my.summary', { shifts: mine.length, version: roster.version })), monthCalendar(month, mine, { leave, name: 'my-month' }));
    }
  } catch (e) {
    scheduleSec.append(errorBox(e));
  }

  root.append(activitiesSection(center, mine));
  const dates = daysOfMonth(month);
  const upcoming = mine.map((a) => a.date).sort().find((d) => d >= localDate());
  const date = dates.includes(params.date) ? params.date : upcoming ?? dates[0];
  const dayShifts = mine.filter((a) => a.date === date);
  root.append(section(t('my.breaks'),
    h('div.controls', input('date', { type: 'date', value: date, min: dates[0], max: dates[dates.length - 1], onchange: (e) => e.target.value && ctx.go({ date: e.target.value }) }, t('common.date'))),
    dayShifts.length === 0 ? message('info', t('my.dayoff', { date: day(date) })) : dayShifts.map((a) => h('div',
      h('p', h('strong', `${day(date)} · ${a.shift} ${clock(a.start)}–${clock(a.end)}`), a.report ? ` · ${t('my.report', { at: clock(a.report) })}` : '', ` · ${breaksText(a)}`),
      table([
        { label: t('my.break.kind'), value: (b) => t(`roster.${b.kind}`) },
        { label: t('my.break.start'), value: (b) => clock(b.start) },
        { label: t('my.break.end'), value: (b) => clock(new Date(Date.parse(b.start) + b.minutes * 60_000).toISOString()) },
        { label: t('my.break.minutes'), value: (b) => String(b.minutes), num: true },
      ], [...(a.breaks ?? [])].sort((x, y) => x.start.localeCompare(y.start)), { caption: t('my.break.caption') })))));

  const list = h('div.list', { dataset: { role: 'my-requests' } });
  root.append(await leaveAllowanceSection(ctx, month));
  root.append(section(t('my.requests'), requestForm(ctx, month, () => loadRequests(list)), h('h3', t('my.requests.list')), list));
  await loadRequests(list);
  // Leads decide their team's requests; anyone may be asked to consent to a colleague's peer swap (R6).
  root.append(await inboxSection(ctx));
}

/** When my exam, training and meetings are (TR1–TR4): every activity of my month's shifts. */
function activitiesSection(center, mine) {
  const defs = new Map((center?.activities ?? []).map((d) => [d.id, d]));
  const rows = mine.flatMap((a) => (a.activities ?? []).map((x) => ({ ...x, date: a.date })))
    .sort((x, y) => x.start.localeCompare(y.start));
  return section(t('my.activities'),
    rows.length === 0 ? message('info', t('my.activities.none')) : table([
      { label: t('common.date'), value: (x) => day(x.date) },
      { label: t('my.break.start'), value: (x) => clock(x.start) },
      { label: t('my.break.end'), value: (x) => clock(new Date(Date.parse(x.start) + x.minutes * 60_000).toISOString()) },
      { label: t('my.activity.what'), value: (x) => defs.get(x.activity)?.name ?? x.activity },
      { label: t('my.activity.rule'), value: (x) => defs.get(x.activity)?.rule ?? '' },
      { label: t('my.break.minutes'), value: (x) => String(x.minutes), num: true },
    ], rows, { caption: t('my.activities.caption'), name: 'my-activities' }));
}

async function myRequests() {
  return api.get('/api/requests', { mine: 'true', limit: 100 });
}

async function loadRequests(list) {
  try {
    const rows = await myRequests();
    fill(list, rows.length === 0 ? message('info', t('my.requests.none')) : rows.map((r) => requestRow(r, () => loadRequests(list))));
  } catch (e) {
    fill(list, errorBox(e));
  }
}

function requestRow(r, reload) {
  const open = ['pending', 'escalated'].includes(r.status);
  return h('div.item', { dataset: { request: String(r.id), status: r.status } },
    h('div', h('strong', t(`req.kind.${r.kind}`)), ' ', statusTag(r.status), r.rule ? ` [${r.rule}]` : '',
      r.nextApprover ? ` · ${t('req.waitsfor', { who: `${t(`role.${r.nextApprover.role}`)}${r.nextApprover.agent ? ` ${r.nextApprover.agent}` : ''}` })}` : ''),
    h('div', describeRequest(r)),
    reasons(r),
    open ? h('div.actions', h('button.secondary', {
      type: 'button', dataset: { action: 'cancel' },
      async onclick(e) {
        e.target.disabled = true;
        try { await api.post(`/api/requests/${r.id}/cancel`, {}); reload(); } catch (err) { e.target.replaceWith(errorBox(err)); }
      },
    }, t('req.cancel'))) : null);
}

function requestForm(ctx, month, reload) {
  const out = h('div.result');
  const first = localDate() > `${month}-01` ? localDate() : `${month}-01`;
  const fields = {
    leave: [
      select('type', ['personal', 'sick', 'other'].map((v) => ({ value: v, label: t(`req.leave.${v}`) })), 'personal', () => {}, t('req.leave.type')),
      input('from', { type: 'date', required: true, value: addDays(first, 1) }, t('req.from')),
      input('to', { type: 'date', required: true, value: addDays(first, 1) }, t('req.to')),
      select('channel', [{ value: 'form', label: t('req.channel.form') }, { value: 'phone', label: t('req.channel.phone') }], 'form', () => {}, t('req.channel')),
      input('reason', { type: 'text', required: true, maxlength: 1000, placeholder: t('req.reason.placeholder') }, t('req.reason')),
    ],
    'swap-self': [
      input('date', { type: 'date', required: true, value: addDays(first, 1) }, t('req.swap.date')),
      input('toDate', { type: 'date', value: '' }, t('req.swap.toDate')),
      input('toStart', { type: 'time', value: '' }, t('req.swap.toStart')),
    ],
    'swap-peer': [
      input('with', { type: 'text', required: true, placeholder: 'a012' }, t('req.swap.with')),
      input('date', { type: 'date', required: true, value: addDays(first, 1) }, t('req.swap.date')),
    ],
    'rest-day': [
      input('from', { type: 'date', required: true }, t('req.rest.from')),
      input('to', { type: 'date', required: true }, t('req.rest.to')),
    ],
  };
  const slot = h('div.controls');
  const show = (kind) => fill(slot, fields[kind]);
  const kindSelect = select('kind', Object.keys(fields).map((k) => ({ value: k, label: t(`req.form.${k}`) })), 'leave', show, t('req.form.kind'));
  show('leave');
  const form = h('form.stack', {
    async onsubmit(ev) {
      ev.preventDefault();
      const d = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
      const body = d.kind === 'leave' ? { kind: 'leave', type: d.type, from: d.from, to: d.to, reason: d.reason, channel: d.channel }
        : d.kind === 'swap-self' ? { kind: 'swap', mode: 'self', date: d.date, ...(d.toDate ? { toDate: d.toDate } : {}), ...(d.toStart ? { toStart: d.toStart } : {}) }
          : d.kind === 'swap-peer' ? { kind: 'swap', mode: 'peer', with: d.with, date: d.date }
            : { kind: 'rest-day', from: d.from, to: d.to };
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const r = await api.post('/api/requests', body);
        fill(out, message(r.status === 'rejected' ? 'error' : 'ok', t('req.filed', { id: r.id, status: t(`req.status.${r.status}`), rule: r.rule ?? '–' })));
        await reload();
      } catch (e) {
        fill(out, errorBox(e));
      } finally {
        button.disabled = false;
      }
    },
  }, kindSelect, slot, h('div', h('button', { type: 'submit', dataset: { action: 'file-request' } }, t('req.submit'))), out);
  form.dataset.month = monthOf(first);
  return form;
}

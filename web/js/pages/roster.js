/**
 * Roster (deputy, supervisor, lead; managers too): a month's roster version with its score; for a chosen day
 * the required vs scheduled agents per interval and a Gantt-like view of the shifts with breaks and meals,
 * grouped by team; for a chosen agent the month's calendar; export as CSV; for planners a solve button that
 * shows the job's progress bar and best-so-far score while it runs (a replan from a chosen day keeps the days
 * before it and every agreed fact), and publish with what it changes and what it would drop, confirmed one by
 * one (publish-preview.js).
 *
 * Endpoints: GET /api/centers/:id/rosters?month=, GET /api/rosters/:id, GET /api/rosters/:id/coverage,
 * GET /api/rosters/:id/export?format=csv, POST /api/centers/:id/rosters (→ job, GET /api/jobs/:id),
 * GET /api/rosters/:id/publish-preview, POST /api/rosters/:id/publish.
 */
import { api, request } from '../api.js';
import { mayPlanRoster } from '../access.js';
import { monthCalendar } from '../calendar.js';
import { chartBox, COLORS, lineChart } from '../charts.js';
import { errorBox, fill, h, input, message, section, select } from '../dom.js';
import { addDays, clock, day, daysOfMonth, hours, localDate, monthOf, num } from '../format.js';
import { gantt } from '../gantt.js';
import { t } from '../i18n.js';
import { jobProgress } from '../job-progress.js';
import { publishPanel } from '../publish-preview.js';
import { chooseRoster, monthParam, monthSelect, rosterAssignments, rosterCoverage, rosterVersions, versionSelect } from '../roster-data.js';

export async function render(root, ctx) {
  const { center, params, me } = ctx;
  const month = monthParam(params);
  const versions = await rosterVersions(center, month);
  const roster = chooseRoster(versions, params.roster);
  const dates = daysOfMonth(month);
  const today = localDate();
  const date = dates.includes(params.date) ? params.date : dates.includes(today) ? today : dates[0];
  const controls = h('div.controls', monthSelect(month, (v) => ctx.go({ month: v, roster: undefined, date: undefined })));
  root.append(h('div.page-head', h('h1', t('page.roster')), controls));
  if (mayPlanRoster(me)) root.append(solveCard(ctx, month));
  if (!roster) {
    root.append(message('info', t('roster.none', { month })));
    return;
  }
  controls.append(versionSelect(versions, roster, (v) => ctx.go({ roster: v })));
  controls.append(input('date', { type: 'date', value: date, min: dates[0], max: dates[dates.length - 1], onchange: (e) => e.target.value && ctx.go({ date: e.target.value }) }, t('common.date')));
  const agentOf = (id) => center.agents.find((a) => a.id === id) ?? { id, name: id, team: '' };
  // People of teams first (by team), then those without a team (supervisors, managers).
  const people = [...center.agents].sort((a, b) => Number(!a.team) - Number(!b.team) || (a.team ?? '').localeCompare(b.team ?? '') || a.id.localeCompare(b.id));
  const agentId = people.some((p) => p.id === params.agent) ? params.agent : (people.find((p) => p.id === me.agent) ?? people[0])?.id;
  const [day1, dayCoverage, person] = await Promise.all([
    rosterAssignments(roster.id, { from: date, to: date }),
    rosterCoverage(roster.id, { date }).catch(() => []),
    agentId ? rosterAssignments(roster.id, { agent: agentId }) : null,
  ]);
  root.append(summaryCard(ctx, roster, day1));
  const dayAssignments = day1.assignments ?? [];
  const queues = [...new Set(dayCoverage.map((c) => c.queue))];
  const { box, canvas } = chartBox('roster-day-coverage', { label: t('roster.daycoverage') });
  const daySec = section(t('roster.day', { date: day(date) }), box);
  root.append(daySec);
  if (dayCoverage.length) {
    const times = [...new Set(dayCoverage.map((c) => c.interval_start))].sort();
    const value = (q, ts, k) => dayCoverage.find((c) => c.queue === q && c.interval_start === ts)?.[k] ?? null;
    const palette = [COLORS.blue, COLORS.green, COLORS.purple, COLORS.orange];
    lineChart(canvas, {
      labels: times.map((ts) => clock(ts)),
      xTitle: t('axis.time', { zone: center.timezone }),
      yTitle: t('axis.agents'),
      series: queues.flatMap((q, i) => [
        { label: `${t('series.required')} · ${q}`, data: times.map((ts) => value(q, ts, 'required')), color: palette[i % palette.length], dashed: true, stepped: true },
        { label: `${t('series.scheduled')} · ${q}`, data: times.map((ts) => value(q, ts, 'scheduled')), color: palette[i % palette.length], stepped: true },
      ]),
    });
  } else {
    box.replaceWith(message('info', t('roster.nocoverage')));
  }
  daySec.append(h('h3', t('roster.shifts', { n: num(dayAssignments.length) })),
    gantt({ assignments: dayAssignments, teams: center.teams, agentOf, name: 'roster-day' }));

  if (person) {
    const mine = person.assignments ?? [];
    const paid = mine.reduce((s, a) => s + (Date.parse(a.end) - Date.parse(a.start)) / 3_600_000, 0);
    root.append(section(t('roster.agentmonth'),
      h('div.controls', select('agent', people.map((p) => ({ value: p.id, label: `${p.name} (${p.id}) · ${p.team ?? ''}` })), agentId, (v) => ctx.go({ agent: v }), t('common.agent'))),
      h('p.note', t('roster.agentstats', { days: num(mine.length), hours: hours(paid) })),
      monthCalendar(month, mine, { name: 'roster-agent' })));
  }
}

function summaryCard(ctx, roster, full) {
  const { me } = ctx;
  const score = full.score ?? roster.score ?? {};
  const stats = full.stats ?? roster.stats ?? {};
  const bound = stats.lowerBound?.understaffed;
  const phases = stats.phases ?? [];
  const status = h('div.result');
  // R13: the analyst collects every team's roster, one file per team (Excel's CSV opens with the names intact).
  const teams = ctx.center.teams.filter((x) => ctx.me.teams === 'all' || ctx.me.teams?.includes(x.id));
  let team = '';
  const actions = h('div.actions',
    h('button.secondary', { type: 'button', dataset: { action: 'export-csv' }, onclick: () => exportCsv(roster, status, { team }) }, t('roster.export')),
    h('button.secondary', { type: 'button', dataset: { action: 'export-excel' }, onclick: () => exportCsv(roster, status, { team, format: 'excel' }) }, t('roster.export.excel')),
    teams.length > 1 ? select('export-team', [{ value: '', label: t('roster.export.allteams') }, ...teams.map((x) => ({ value: x.id, label: x.id }))], '', (v) => { team = v; }, t('roster.export.team')) : null);
  const publish = h('div.publish-slot');
  if (mayPlanRoster(me) && roster.status === 'draft') {
    publishPanel(roster, () => ctx.go({ roster: String(roster.id), published: String(Date.now()) }))
      .then((panel) => fill(publish, panel))
      .catch((err) => fill(publish, errorBox(err)));
  }
  return h('section.card', { dataset: { roster: String(roster.id), status: roster.status } },
    h('h2', t('roster.summary', { version: roster.version, status: t(`roster.status.${roster.status}`) })),
    h('div.kpis',
      kpi(num(score.hard ?? 0), t('roster.score.hard'), (score.hard ?? 0) > 0 ? 'bad' : 'good'),
      kpi(hours(score.understaffed), t('roster.score.under')),
      kpi(hours(score.overstaffed), t('roster.score.over')),
      kpi(num(score.soft, 1), t('roster.score.soft')),
      typeof bound === 'number' ? kpi(hours(bound), t('roster.bound')) : null),
    phases.length ? h('p.note', { title: stats.lowerBound?.method ?? '' }, t('roster.phases', { s: num(phases.reduce((x, p) => x + p.ms, 0) / 1000, 1), phases: phases.map((p) => `${p.phase} ${num(p.ms / 1000, 1)} s`).join(' → ') })) : null,
    roster.publishedAt ? h('p.note', t('roster.publishedAt', { at: day(roster.publishedAt.slice(0, 10)) })) : null,
    stats.replan ? h('p.note', t('roster.replan', { from: day(stats.replan.from), version: stats.replan.baseVersion, days: num(stats.replan.keptDays), overtime: num(stats.replan.keptOvertime) })) : null,
    actions, publish, status);
}

async function exportCsv(roster, status, { team = '', format = 'csv' } = {}) {
  try {
    const res = await request('GET', `/api/rosters/${roster.id}/export`, { params: { format, ...(team ? { team } : {}) }, raw: true });
    const blob = await res.blob();
    const a = h('a', { href: URL.createObjectURL(blob), download: `roster-${roster.month}-v${roster.version}${team ? `-${team}` : ''}${format === 'excel' ? '-excel' : ''}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  } catch (e) {
    fill(status, errorBox(e));
  }
}

function solveCard(ctx, month) {
  const { center } = ctx;
  const out = h('div.job-slot');
  const form = h('form.inline', {
    async onsubmit(ev) {
      ev.preventDefault();
      const data = new FormData(form);
      const body = { month: data.get('month') };
      const limit = Number(data.get('timeLimitSeconds'));
      if (limit > 0) body.timeLimitSeconds = limit;
      if (data.get('replanFrom')) body.replanFrom = data.get('replanFrom');
      try {
        const job = await api.post(`/api/centers/${encodeURIComponent(center.id)}/rosters`, body);
        const p = jobProgress(job.jobId ?? job.id, { title: t('roster.solving', { month: body.month }) });
        fill(out, p.el);
        const final = await p.done;
        const id = final.result?.rosterId ?? final.result?.id;
        if (final.status !== 'failed' && id && ctx.isCurrent()) fill(out, p.el, h('p', h('a', { href: `#/roster?month=${body.month}&roster=${id}` }, t('roster.open', { id }))));
      } catch (e) {
        fill(out, errorBox(e));
      }
    },
  },
  input('month', { type: 'month', value: month > monthOf(localDate()) ? month : monthOf(addDays(`${month}-28`, 7)), required: true }, t('common.month')),
  input('timeLimitSeconds', { type: 'number', min: 5, max: 600, value: 60 }, t('roster.timelimit')),
  input('replanFrom', { type: 'date', min: localDate() }, t('roster.replanFrom')),
  h('button', { type: 'submit', dataset: { action: 'solve' } }, t('roster.solve')));
  return h('details.card.run', { open: false }, h('summary', t('roster.solve.title')), form, out);
}

function kpi(value, label, cls = '') {
  return h(`div.kpi${cls ? `.${cls}` : ''}`, h('span.kpi-value', value), h('span.kpi-label', label));
}

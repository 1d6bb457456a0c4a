/**
 * Attendance (team leads, analysts, managers): a team's attendance rate for the month so far against the
 * floor (L9, 95%), its daily trend and the month-to-date rate, late / early-leave / absence counts per person
 * (A1, A2, A4), and the bonus (A3, A4) and resignation (A4, A5) flags. Pay-related flags come from the API
 * only for those allowed to see them (S3).
 *
 * Endpoints: analysts and managers read the RP2 report, GET /api/centers/:id/reports/attendance?month= (teams
 * with their daily trend, people with their counts; pay flags for managers and the director); team leads read
 * GET /api/centers/:id/attendance/teams?month= and GET /api/centers/:id/attendance/agents/:agent?month= for the
 * people of the chosen team (the API leaves the pay flags out for them, S3).
 */
import { api } from '../api.js';
import { barChart, chartBox, COLORS } from '../charts.js';
import { h, message, section, select, table } from '../dom.js';
import { day, num, pct, shortDay } from '../format.js';
import { t } from '../i18n.js';
import { agentName } from '../inbox.js';
import { monthParam, monthSelect } from '../roster-data.js';
import { teamResultsSection } from '../team-results.js';

/** Roles that may read the RP2 report (ANALYSTS in src/auth/roles.ts). */
const REPORT_ROLES = ['admin', 'director', 'manager', 'analyst'];

export async function render(root, ctx) {
  const { center, params } = ctx;
  const month = monthParam(params);
  const cid = encodeURIComponent(center.id);
  const report = REPORT_ROLES.includes(ctx.me.role);
  const data = report
    ? await api.get(`/api/centers/${cid}/reports/attendance`, { month })
    : await api.get(`/api/centers/${cid}/attendance/teams`, { month });
  const teams = data.teams ?? [];
  const teamIds = teams.map((x) => x.team);
  const team = teamIds.includes(params.team) ? params.team : teamIds[0];
  const members = report
    ? (data.agents ?? []).filter((a) => a.team === team)
    : await Promise.all(center.agents.filter((a) => a.team === team).map((a) => api.get(`/api/centers/${cid}/attendance/agents/${encodeURIComponent(a.id)}`, { month })));
  root.append(h('div.page-head', h('h1', t('page.attendance')),
    h('div.controls',
      monthSelect(month, (v) => ctx.go({ month: v })),
      teamIds.length ? select('team', teamIds.map((id) => ({ value: id, label: id })), team, (v) => ctx.go({ team: v }), t('common.team')) : null)));
  if (!team) {
    root.append(message('info', t('attendance.none', { month })));
    return;
  }
  root.append(teamsOverview(teams, team, ctx));
  const tr = teams.find((x) => x.team === team);
  root.append(trendSection(tr));
  root.append(countsSection(ctx, members));
  root.append(teamResultsSection(ctx, team));
}

function teamsOverview(teams, chosen, ctx) {
  return section(t('attendance.teams'), table([
    { label: t('common.team'), value: (x) => h('a', { href: '#', onclick: (e) => { e.preventDefault(); ctx.go({ team: x.team }); } }, x.team) },
    { label: t('attendance.rostered'), value: (x) => num(x.rostered), num: true },
    { label: t('attendance.attended'), value: (x) => num(x.attended, 1), num: true },
    { label: t('attendance.rate'), value: (x) => pct(x.rate, 1), num: true },
    { label: t('attendance.floor'), value: (x) => pct(x.floor, 0), num: true },
    { label: t('attendance.margin'), value: (x) => num(x.marginAgentDays, 1), num: true },
    { label: t('common.status'), value: (x) => (x.rate === null ? '–' : h(`span.tag.${x.below ? 'bad' : 'good'}`, x.below ? t('attendance.below') : t('attendance.ok'))) },
  ], teams, { rowProps: (x) => ({ class: x.team === chosen ? 'selected' : '' }) }));
}

function trendSection(tr) {
  const { box, canvas } = chartBox('attendance-trend', { tall: true, label: t('attendance.trend') });
  const sec = section(t('attendance.trend.title', { team: tr.team }),
    h('div.kpis',
      kpi(pct(tr.rate, 1), t('attendance.rate'), tr.below ? 'bad' : 'good'),
      kpi(pct(tr.floor, 0), t('attendance.floor')),
      kpi(num(tr.marginAgentDays, 1), t('attendance.margin'))),
    box);
  const daily = tr.daily ?? [];
  let rostered = 0;
  let attended = 0;
  const cumulative = daily.map((d) => {
    rostered += d.rostered;
    attended += d.attended;
    return rostered ? attended / rostered : null;
  });
  // The value axis starts a little below the lowest daily rate or the floor, so the 95% line stands out.
  const lowest = Math.min(100, tr.floor * 100, ...daily.filter((d) => d.rate !== null).map((d) => d.rate * 100));
  barChart(canvas, {
    labels: daily.map((d) => shortDay(d.date)),
    xTitle: t('axis.day'),
    yTitle: t('axis.rate'),
    yMin: Math.max(0, Math.floor(lowest / 5) * 5 - 5),
    yMax: 100,
    yFormat: (v) => `${num(v, 0)}%`,
    series: [{ label: t('attendance.daily'), data: daily.map((d) => (d.rate === null ? null : d.rate * 100)), color: COLORS.sky }],
    lines: [
      { label: t('attendance.mtd'), data: cumulative.map((v) => (v === null ? null : v * 100)), color: COLORS.blue, points: true },
      { label: t('attendance.floorline', { floor: pct(tr.floor, 0) }), data: daily.map(() => tr.floor * 100), color: COLORS.vermillion, dashed: true },
    ],
  });
  if (daily.length === 0) sec.append(message('info', t('attendance.nodays')));
  else sec.append(h('p.note', t('attendance.trend.note', { first: day(daily[0].date), last: day(daily[daily.length - 1].date) })));
  return sec;
}

function countsSection(ctx, members) {
  const { center } = ctx;
  const { box, canvas } = chartBox('attendance-counts', { label: t('attendance.counts') });
  const sec = section(t('attendance.counts'), box);
  const sorted = [...members].sort((a, b) => a.agent.localeCompare(b.agent));
  barChart(canvas, {
    labels: sorted.map((a) => a.agent),
    xTitle: t('common.agent'),
    yTitle: t('axis.count'),
    stacked: true,
    series: [
      { label: t('attendance.lates'), data: sorted.map((a) => a.lates), color: COLORS.orange },
      { label: t('attendance.early'), data: sorted.map((a) => a.earlyLeaves), color: COLORS.purple },
      { label: t('attendance.absence'), data: sorted.map((a) => a.absenceDays), color: COLORS.vermillion },
    ],
  });
  const flagged = sorted.filter((a) => a.pay?.bonusWithheld || a.pay?.resignation?.flagged);
  sec.append(h('p.note', t('attendance.flagged', { n: num(flagged.length), total: num(sorted.length) })));
  sec.append(table([
    { label: t('common.agent'), value: (a) => agentName(center, a.agent) },
    { label: t('attendance.rostered'), value: (a) => num(a.rostered), num: true },
    { label: t('attendance.attended'), value: (a) => num(a.attended, 1), num: true },
    { label: t('attendance.leave'), value: (a) => num(a.leave), num: true },
    { label: t('attendance.lates'), value: (a) => num(a.lates), num: true },
    { label: t('attendance.early'), value: (a) => num(a.earlyLeaves), num: true },
    { label: t('attendance.absence'), value: (a) => num(a.absenceDays, 1), num: true },
    { label: t('attendance.rate'), value: (a) => pct(a.rate, 1), num: true },
    { label: t('attendance.bonus'), value: (a) => (a.pay === undefined ? h('span.note', { title: t('attendance.nopay') }, 'S3') : a.pay.bonusWithheld ? h('span.tag.bad', `${t('attendance.withheld')} ${a.pay.rules.join(', ')}`) : h('span.tag.good', t('attendance.kept'))) },
    { label: t('attendance.resignation'), value: (a) => (a.pay === undefined ? h('span.note', { title: t('attendance.nopay') }, 'S3') : a.pay.resignation?.flagged ? h('span.tag.bad', `${t('attendance.flag')} ${a.pay.resignation.dates.map((d) => day(d)).join(', ')}`) : '') },
  ], sorted));
  if (sorted.some((a) => a.pay === undefined)) sec.append(h('p.note', t('attendance.nopay')));
  return sec;
}

function kpi(value, label, cls = '') {
  return h(`div.kpi${cls ? `.${cls}` : ''}`, h('span.kpi-value', value), h('span.kpi-label', label));
}

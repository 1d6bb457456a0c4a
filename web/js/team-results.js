/**
 * RP3 on the attendance page: each team's results per shift of a day — calls of its queue while the shift ran,
 * the service level then, attendance and breaks kept — ready at the shift's end, and its CSV for the lead to send.
 *
 * Endpoint: GET /api/centers/:id/team-reports?date&team&format.
 */
import { api, request } from './api.js';
import { errorBox, fill, h, input, message, section, table } from './dom.js';
import { clock, localDate, num, pct } from './format.js';
import { t } from './i18n.js';

export function teamResultsSection(ctx, team) {
  const base = `/api/centers/${encodeURIComponent(ctx.center.id)}/team-reports`;
  const out = h('div', { dataset: { role: 'team-results' } });
  let date = localDate();
  const load = async () => {
    try {
      const { reports } = await api.get(base, { date, ...(team ? { team } : {}) });
      fill(out, reports.length === 0 ? message('info', t('rp3.none')) : table([
        { label: t('rp3.shift'), value: (r) => `${r.team} · ${r.shift} ${clock(r.from)}–${clock(r.to)}` },
        { label: t('rp3.status'), value: (r) => h(`span.tag${r.status === 'ready' ? '.good' : ''}`, { dataset: { status: r.status } }, t(`rp3.status.${r.status}`)) },
        { label: t('rp3.calls'), value: (r) => `${num(r.calls.offered)}${r.calls.abandoned === null ? '' : ` (${t('rp3.abandoned', { n: num(r.calls.abandoned) })})`}`, num: true },
        { label: t('rp3.sl'), value: (r) => (r.serviceLevel === null ? '–' : `${pct(r.serviceLevel)} / ${pct(r.serviceLevelTarget)}`), num: true },
        { label: t('rp3.attendance'), value: (r) => t('rp3.attendance.value', { attended: num(r.attendance.attended), rostered: num(r.attendance.rostered), late: num(r.attendance.late), absent: num(r.attendance.absenceDays, 1) }) },
        { label: t('rp3.breaks'), value: (r) => (r.breaks.kept === null ? '–' : `${pct(r.breaks.kept)} (${num(r.breaks.people)})`), num: true },
      ], reports, { name: 'team-results' }));
    } catch (e) {
      fill(out, errorBox(e));
    }
  };
  const download = async () => {
    try {
      const res = await request('GET', base, { params: { date, format: 'csv', ...(team ? { team } : {}) }, raw: true });
      const a = h('a', { href: URL.createObjectURL(await res.blob()), download: `team-results-${date}${team ? `-${team}` : ''}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      fill(out, errorBox(e));
    }
  };
  load();
  return section(t('rp3.title'),
    h('div.controls',
      input('rp3-date', { type: 'date', value: date, onchange: (e) => { date = e.target.value || date; load(); } }, t('common.date')),
      h('button.secondary', { type: 'button', dataset: { action: 'team-results-csv' }, onclick: download }, t('rp3.csv'))),
    out);
}

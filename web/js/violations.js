/**
 * Violations of a roster by rule: one row per rule with its level, count and total penalty; clicking a row
 * lists its matches (agent, team, day, interval, message). From GET /api/rosters/:id/analysis (per-rule totals
 * and matches); a roster's own violations list is grouped the same way when the analysis has no matches.
 */
import { fill, h, message, table } from './dom.js';
import { clock, day, num } from './format.js';
import { t } from './i18n.js';

/** Normalizes the analysis answer to [{ rule, label, level, count, penalty, unit, matches[] }]. */
export function ruleGroups(analysis, violations = []) {
  const list = Array.isArray(analysis) ? analysis : analysis?.rules ?? analysis?.constraints ?? [];
  if (list.length > 0) {
    return list.map((r) => ({
      rule: r.rule ?? r.id, label: r.label ?? r.name ?? '', level: r.level ?? '', count: r.count ?? r.matches?.length ?? 0,
      penalty: r.penalty ?? r.total ?? null, unit: r.unit ?? '', matches: r.matches ?? r.violations ?? [],
    }));
  }
  const groups = new Map();
  for (const v of violations) {
    const g = groups.get(v.rule) ?? { rule: v.rule, label: '', level: v.level, count: 0, penalty: 0, unit: v.unit, matches: [] };
    g.count += 1;
    g.penalty += v.penalty ?? 0;
    g.matches.push(v);
    groups.set(v.rule, g);
  }
  return [...groups.values()];
}

function shorten(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

export function violationsSection(groups, center) {
  const detail = h('div', { dataset: { role: 'matches' } });
  const sorted = [...groups].sort((a, b) => (a.level === b.level ? b.count - a.count : a.level === 'hard' ? -1 : 1));
  const sec = h('section.card', h('h2', t('violations.title')));
  if (sorted.length === 0 || sorted.every((g) => g.count === 0)) {
    sec.append(message('ok', t('violations.none')));
    return sec;
  }
  const agentName = (id) => center.agents.find((a) => a.id === id)?.name ?? id;
  const show = (g, row) => {
    for (const tr of sec.querySelectorAll('tr.selected')) tr.classList.remove('selected');
    row?.classList.add('selected');
    fill(detail,
      h('h3', `${g.rule}${g.label ? ` — ${g.label}` : ''}: ${t('violations.matches', { n: num(g.matches.length) })}`),
      g.matches.length === 0 ? message('info', t('violations.nomatches')) : table([
        { label: t('common.agent'), value: (m) => (m.agent ? `${agentName(m.agent)} (${m.agent})` : '–') },
        { label: t('common.team'), value: (m) => m.team ?? '' },
        { label: t('common.day'), value: (m) => (m.date ? day(m.date) : '') },
        { label: t('violations.interval'), value: (m) => (m.interval_start ? clock(m.interval_start) : '') },
        { label: t('violations.penalty'), value: (m) => (m.penalty === undefined ? '' : `${num(m.penalty, 1)} ${m.unit ?? ''}`), num: true },
        { label: t('violations.message'), value: (m) => m.message ?? '' },
      ], g.matches.slice(0, 500)),
      g.matches.length > 500 ? h('p.note', t('violations.more', { n: num(g.matches.length - 500) })) : null);
    detail.scrollIntoView({ block: 'nearest' });
  };
  const rowsTable = table([
    { label: t('common.rule'), value: (g) => h('a', { href: '#', onclick: (e) => { e.preventDefault(); show(g, e.target.closest('tr')); } }, g.rule) },
    { label: t('violations.label'), value: (g) => g.label || (g.matches[0]?.message ? h('span', { title: g.matches[0].message }, shorten(g.matches[0].message, 90)) : '') },
    { label: t('violations.level'), value: (g) => h(`span.tag.${g.level === 'hard' ? 'bad' : 'warn'}`, t(`violations.level.${g.level}`)) },
    { label: t('common.count'), value: (g) => num(g.count), num: true },
    { label: t('violations.penalty'), value: (g) => (g.penalty === null ? '–' : `${num(g.penalty, 1)} ${g.unit}`), num: true },
  ], sorted, { rowProps: (g) => ({ class: 'clickable', dataset: { rule: g.rule }, onclick: (e) => { if (e.target.tagName !== 'A') show(g, e.currentTarget); } }) });
  sec.append(rowsTable, detail);
  return sec;
}

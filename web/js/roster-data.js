/**
 * Roster versions of a month and the one a page shows: the asked-for version, else the published one, else
 * the newest draft. Shared by the coverage, roster and my-schedule pages.
 *
 * Endpoints: GET /api/centers/:id/rosters?month=YYYY-MM, GET /api/rosters/:id, GET /api/rosters/:id/coverage.
 */
import { api } from './api.js';
import { select } from './dom.js';
import { addMonths, localDate, monthName, monthOf } from './format.js';
import { t } from './i18n.js';

export async function rosterVersions(center, month) {
  const list = await api.get(`/api/centers/${encodeURIComponent(center.id)}/rosters`, { month });
  const rows = Array.isArray(list) ? list : list.rosters ?? list.versions ?? [];
  return rows.filter((r) => !r.month || r.month === month).sort((a, b) => b.version - a.version || b.id - a.id);
}

export function chooseRoster(versions, wantedId) {
  return versions.find((r) => String(r.id) === String(wantedId))
    ?? versions.find((r) => r.status === 'published')
    ?? versions[0]
    ?? null;
}

export function monthParam(params) {
  return /^\d{4}-\d{2}$/.test(params.month ?? '') ? params.month : monthOf(localDate());
}

/** This month, the next two and the two before, as a select. */
export function monthSelect(month, onchange) {
  const now = monthOf(localDate());
  const months = [-2, -1, 0, 1, 2].map((n) => addMonths(now, n));
  if (!months.includes(month)) months.push(month);
  return select('month', months.sort().map((m) => ({ value: m, label: monthName(m) })), month, onchange, t('common.month'));
}

export function versionSelect(versions, chosen, onchange) {
  return select('roster', versions.map((r) => ({ value: String(r.id), label: `v${r.version} · ${t(`roster.status.${r.status}`)} (#${r.id})` })), String(chosen.id), onchange, t('roster.version'));
}

/** Coverage rows of a roster, optionally of one queue or one day (the API filters). */
export async function rosterCoverage(rosterId, filter = {}) {
  const c = await api.get(`/api/rosters/${rosterId}/coverage`, filter);
  return Array.isArray(c) ? c : c.coverage ?? c.rows ?? [];
}

/** A roster's assignments for one day or one person (a whole month is megabytes; the API filters and pages). */
export async function rosterAssignments(rosterId, filter) {
  return api.get(`/api/rosters/${rosterId}`, { fields: 'assignments', ...filter });
}

/**
 * The roster as a printable CSV: one row per assignment with the person, team, report time (R10), shift,
 * meal, breaks and activities (exams, training, meetings: "tr2-exam 10:00 (60 min)"), in the center's local time.
 */
import { DateTime } from 'luxon';
import type { Assignment } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';

const clock = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export const ROSTER_CSV_COLUMNS = ['agent', 'name', 'team', 'date', 'shift', 'queue', 'kind', 'report', 'start', 'end', 'meal', 'breaks', 'activities'];

export function rosterCsv(center: Center, assignments: readonly Assignment[]): string {
  const agents = new Map(center.agents.map((a) => [a.id, a]));
  const zone = center.timezone;
  const lines = [ROSTER_CSV_COLUMNS.join(',')];
  for (const a of assignments) {
    const person = agents.get(a.agent);
    const meal = a.breaks.find((b) => b.kind === 'meal');
    const breaks = a.breaks.filter((b) => b.kind === 'break').map((b) => clock(b.start, zone)).join(' ');
    lines.push([
      a.agent, person?.name ?? '', person?.team ?? '', a.date, a.shift, a.queue, a.kind ?? 'regular',
      a.report ? clock(a.report, zone) : '', clock(a.start, zone), clock(a.end, zone),
      meal ? `${clock(meal.start, zone)} (${meal.minutes} min)` : '', breaks,
      (a.activities ?? []).map((x) => `${x.activity} ${clock(x.start, zone)} (${x.minutes} min)`).join('; '),
    ].map((v) => cell(String(v))).join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * The same CSV as Excel opens it without an import dialog: a UTF-8 byte-order mark (else Excel reads the names of a
 * zh-CN center as the system code page) and CRLF line ends.
 */
export function excelCsv(csv: string): string {
  return '\uFEFF' + csv.replace(/\r?\n/g, '\r\n');
}

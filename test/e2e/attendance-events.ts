/**
 * Sign-in and sign-out events for one team's shifts of the month that have started by now, recorded by the
 * team lead through the API (POST /api/centers/:id/attendance/events), so the attendance page has a month to
 * show: nearly everyone on time, a few lates (A1), an early leave (A2) and some days without events (absence,
 * A4). Seeded by agent and date, so every run records the same month. Skipped when the team already has
 * attended days (the server's own demo preparation recorded some).
 */
import type { DemoServer } from './demo-server.ts';

const MINUTE = 60_000;

/** A small deterministic hash of a string to [0, 1). */
function unit(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

function isoIn(ms: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [oh, om] = offset.slice(1).split(':').map(Number);
  const local = new Date(ms + sign * (oh * 60 + om) * MINUTE).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

/** o.today: the center's local date; shifts that start later than now get no events. */
export async function recordAttendance(server: DemoServer, leadToken: string, o: { rosterId: number; team: string; today: string }): Promise<number> {
  const month = o.today.slice(0, 7);
  const teams = await server.call('GET', `/api/centers/demo/attendance/teams?month=${month}`, leadToken);
  const current = (teams.body.teams ?? []).find((t: { team: string }) => t.team === o.team);
  if (current && current.attended > 0) return 0;
  const roster = await server.call('GET', `/api/rosters/${o.rosterId}`, leadToken);
  if (roster.status !== 200) throw new Error(`roster ${o.rosterId}: HTTP ${roster.status}`);
  const center = await server.call('GET', '/api/centers/demo', leadToken);
  const members = new Set((center.body.agents as Array<{ id: string; team: string }>).filter((a) => a.team === o.team).map((a) => a.id));
  const events: Array<{ agent: string; kind: string; at: string }> = [];
  const shifts = (roster.body.assignments as Array<{ agent: string; date: string; start: string; end: string; kind?: string }>)
    .filter((a) => members.has(a.agent) && a.date <= o.today && Date.parse(a.start) < Date.now() && a.kind !== 'overtime');
  for (const a of shifts) {
    const offset = a.start.slice(-6);
    const r = unit(`${a.agent}|${a.date}`);
    if (r < 0.01) continue; // absent
    const late = r < 0.06 ? 4 + Math.round(r * 100) : -2 - Math.round(r * 5); // minutes after the start
    const early = r > 0.97 ? 8 : -1; // minutes before the end
    events.push({ agent: a.agent, kind: 'sign-in', at: isoIn(Date.parse(a.start) + late * MINUTE, offset) });
    if (Date.parse(a.end) < Date.now()) events.push({ agent: a.agent, kind: 'sign-out', at: isoIn(Date.parse(a.end) - early * MINUTE, offset) });
  }
  if (events.length === 0) return 0;
  const res = await server.call('POST', '/api/centers/demo/attendance/events', leadToken, { events });
  if (res.status >= 300) throw new Error(`attendance events: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
  return events.length;
}

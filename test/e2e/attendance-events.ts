/**
 * Sign-in and sign-out events for the shifts of the month that have started by now, team by team, recorded
 * through the API (POST /api/centers/:id/attendance/events), so the attendance pages have a month to show:
 * nearly everyone on time, a few lates (A1), some early leaves (A2) and some days without events (absence,
 * A4). Seeded by agent and date, so every run records the same month. A team that already has attended days
 * (the server's own demo preparation recorded some) is left as it is.
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

/**
 * o.today: the center's local date; shifts that start later than now get no events. token: a manager (every
 * team) or a team lead (their team). Returns the number of events recorded.
 */
export async function recordAttendance(server: DemoServer, token: string, o: { rosterId: number; today: string }): Promise<number> {
  const month = o.today.slice(0, 7);
  const teams = await server.call('GET', `/api/centers/demo/attendance/teams?month=${month}`, token);
  const done = new Set((teams.body.teams ?? []).filter((t: { attended: number }) => t.attended > 0).map((t: { team: string }) => t.team));
  const roster = await server.call('GET', `/api/rosters/${o.rosterId}`, token);
  if (roster.status !== 200) throw new Error(`roster ${o.rosterId}: HTTP ${roster.status}`);
  const center = await server.call('GET', '/api/centers/demo', token);
  const teamOf = new Map((center.body.agents as Array<{ id: string; team?: string }>).map((a) => [a.id, a.team]));
  const byTeam = new Map<string, Array<{ agent: string; kind: string; at: string }>>();
  const shifts = (roster.body.assignments as Array<{ agent: string; date: string; start: string; end: string; kind?: string }>)
    .filter((a) => teamOf.get(a.agent) && !done.has(teamOf.get(a.agent)!) && a.date <= o.today && Date.parse(a.start) < Date.now() && a.kind !== 'overtime');
  for (const a of shifts) {
    const offset = a.start.slice(-6);
    const r = unit(`${a.agent}|${a.date}`);
    if (r < 0.02) continue; // absent (A4)
    const late = r < 0.07 ? 3 + Math.round(r * 150) : -2 - Math.round(r * 5); // minutes after the start: 6–13 = late (A1)
    const early = r > 0.97 ? 8 : -1; // minutes before the end
    const events = byTeam.get(teamOf.get(a.agent)!) ?? byTeam.set(teamOf.get(a.agent)!, []).get(teamOf.get(a.agent)!)!;
    events.push({ agent: a.agent, kind: 'sign-in', at: isoIn(Date.parse(a.start) + late * MINUTE, offset) });
    if (Date.parse(a.end) < Date.now()) events.push({ agent: a.agent, kind: 'sign-out', at: isoIn(Date.parse(a.end) - early * MINUTE, offset) });
  }
  let recorded = 0;
  for (const events of byTeam.values()) {
    const res = await server.call('POST', '/api/centers/demo/attendance/events', token, { events });
    if (res.status >= 300) throw new Error(`attendance events: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
    recorded += events.length;
  }
  return recorded;
}

/**
 * From the solver's placed shifts to FORMATS.md assignments: ISO times with the center's offset, the meal and
 * every hourly break as a timed slot, and the report time (R10: start − rules.reportBeforeMinutes for the
 * person's role). Breaks sharing an interval are staggered 5 minutes apart inside it, so the floor never empties
 * at once. Pinned assignments are copied unchanged (P1).
 */
import type { Center } from '../../src/domain/center-schema.ts';
import type { SolverModel } from '../model/build-model.ts';
import type { Person } from '../model/people.ts';
import type { Assignment, BreakSlot } from '../roster.ts';
import type { Placed } from '../search/coverage-state.ts';

/** R10: when a person of this role reports for the briefing before a shift starting at `startMs`. */
export function reportTimeMs(center: Center, role: string, startMs: number): number {
  const before = center.rules.reportBeforeMinutes[role as keyof Center['rules']['reportBeforeMinutes']] ?? center.rules.reportBeforeMinutes.agent;
  return startMs - before * 60_000;
}

export function toAssignments(m: SolverModel, lines: ReadonlyMap<Person, readonly (Placed | null)[]>): Assignment[] {
  const h = m.horizon;
  const breakMs = m.center.rules.hourlyBreakMinutes * 60_000;
  const step = 5 * 60_000;
  const turn = new Map<string, number>();
  const out: Assignment[] = [];
  for (const p of m.people) {
    const line = lines.get(p);
    for (let d = 0; d < h.dates.length; d++) {
      const pinned = p.pinned[d];
      if (pinned) {
        out.push(pinned);
        continue;
      }
      const placed = line?.[d];
      if (!placed) continue;
      const { option } = placed;
      const meal = option.meals[placed.meal];
      const breaks: BreakSlot[] = [];
      if (meal.meal) breaks.push({ start: h.iso(meal.meal.fromMs), minutes: option.mealMinutes, kind: 'meal' });
      meal.blocks.forEach((block, b) => {
        const slot = block[placed.slots[b]];
        if (!slot) return;
        const key = `${p.kind}:${placed.q}:${slot.idx}:${slot.fromMs}`;
        const k = turn.get(key) ?? 0;
        turn.set(key, k + 1);
        const positions = Math.max(1, Math.floor((slot.toMs - slot.fromMs - breakMs) / step) + 1);
        breaks.push({ start: h.iso(slot.fromMs + (k % positions) * step), minutes: m.center.rules.hourlyBreakMinutes, kind: 'break' });
      });
      breaks.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      out.push({
        agent: p.id,
        date: h.dates[d],
        shift: option.templateId,
        queue: m.queueIds[placed.q],
        start: h.iso(option.startMs),
        end: h.iso(option.endMs),
        breaks,
        report: h.iso(reportTimeMs(m.center, p.agent.role, option.startMs)),
      });
    }
  }
  return out;
}

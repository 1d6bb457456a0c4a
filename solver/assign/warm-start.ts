/**
 * A plan from a roster's assignments: each person's day placed on the option (template and start), queue,
 * meal position and break slots it names — the best roster a crashed solve kept, so that a retried solve goes
 * on from it instead of starting over. A day that does not map (a published or pinned day, an option the model
 * no longer offers, a queue the person may not work) is left empty for the search to fill.
 */
import type { SolverModel } from '../model/build-model.ts';
import type { Assignment } from '../roster.ts';
import type { Placed } from '../search/coverage-state.ts';
import type { Plan } from './initial-assignment.ts';

export function planFromAssignments(m: SolverModel, assignments: readonly Assignment[]): Plan {
  const byPersonDay = new Map<string, Assignment>();
  for (const a of assignments) if ((a.kind ?? 'regular') === 'regular') byPersonDay.set(`${a.agent}|${a.date}`, a);
  return m.people.map((p) =>
    m.horizon.dates.map((date, d): Placed | null => {
      const a = byPersonDay.get(`${p.id}|${date}`);
      if (!a || !p.free[d]) return null;
      const startMs = Date.parse(a.start);
      const option = m.optionsByDay[d].find((o) => o.templateId === a.shift && o.startMs === startMs);
      const q = m.queueIds.indexOf(a.queue);
      if (!option || !p.templates[option.template] || (p.kind === 'phone' && !p.queues.includes(q))) return null;
      const mealAt = a.breaks.find((b) => b.kind === 'meal');
      const meal = Math.max(0, option.meals.findIndex((c) => (c.meal ? c.meal.fromMs === (mealAt ? Date.parse(mealAt.start) : NaN) : !mealAt)));
      const breaks = a.breaks.filter((b) => b.kind === 'break').map((b) => Date.parse(b.start));
      const slots = option.meals[meal].blocks.map((block) => Math.max(0, block.findIndex((slot) => breaks.some((t) => t >= slot.fromMs && t < slot.toMs))));
      return { option, q: p.kind === 'phone' ? q : p.queues[0], meal, slots };
    }),
  );
}

/**
 * Cross-reference checks of a center's activities (activity-schema.ts): known teams and agents, windows that
 * are not empty and can hold the activity. Called by center-loader.ts, each problem with its JSON path.
 */
import type { ProblemItem } from '../errors.ts';
import { clockMinutes } from '../time/clock.ts';
import type { Center } from './center-schema.ts';

export function activityProblems(center: Center): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const add = (where: string, message: string) => problems.push({ where, message });
  const agents = new Set(center.agents.map((a) => a.id));
  const teams = new Set(center.teams.map((t) => t.id));
  const seen = new Set<string>();
  center.activities.forEach((x, i) => {
    const at = `$.activities[${i}]`;
    if (seen.has(x.id)) add(`${at}.id`, `duplicate activity id "${x.id}"`);
    seen.add(x.id);
    if (x.days.to < x.days.from) add(`${at}.days.to`, `day ${x.days.to} is before day ${x.days.from}`);
    if (x.hours) {
      const span = clockMinutes(x.hours.to) - clockMinutes(x.hours.from);
      if (span <= 0) add(`${at}.hours.to`, `hours ${x.hours.from}–${x.hours.to} are empty`);
      else if (span < x.minutes) add(`${at}.hours`, `hours ${x.hours.from}–${x.hours.to} cannot hold ${x.minutes} minutes`);
    }
    if ('team' in x.attendees && !teams.has(x.attendees.team)) add(`${at}.attendees.team`, `unknown team "${x.attendees.team}"`);
    if ('agents' in x.attendees) {
      x.attendees.agents.forEach((id, k) => {
        if (!agents.has(id)) add(`${at}.attendees.agents[${k}]`, `unknown agent "${id}"`);
      });
    }
  });
  return problems;
}

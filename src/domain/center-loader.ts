/**
 * Loads a center file (FORMATS.md "Center"): shape by zod, then every cross-reference and consistency check.
 * All problems are collected (not just the first), each with its JSON path, so a user fixes a file in one go.
 */
import { IANAZone } from 'luxon';
import type { z } from 'zod';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { centerSchema, type Center } from './center-schema.ts';
import { activityProblems } from './activity-checks.ts';
import { clockMinutes } from '../time/clock.ts';
import { readJsonFile } from '../formats/json-file.ts';

/** "$.agents[3].team" from a zod path. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

export function zodProblems(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): ProblemItem[] {
  return error.issues.map((issue) => ({ where: jsonPath([...prefix, ...issue.path]), message: issue.message }));
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'center';
}

/** Cross-reference checks on a center whose shape is already valid. */
export function centerProblems(center: Center): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const add = (where: string, message: string) => problems.push({ where, message });

  if (!IANAZone.isValidZone(center.timezone)) add('$.timezone', `unknown IANA time zone "${center.timezone}"`);

  const duplicates = (items: { id: string }[], where: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add(`${where}[${i}].id`, `duplicate ${what} id "${item.id}"`);
      seen.add(item.id);
    });
  };
  duplicates(center.queues, '$.queues', 'queue');
  duplicates(center.shiftTemplates, '$.shiftTemplates', 'shift template');
  duplicates(center.teams, '$.teams', 'team');
  duplicates(center.agents, '$.agents', 'agent');

  center.open.forEach((o, i) => {
    if (clockMinutes(o.to) <= clockMinutes(o.from)) add(`$.open[${i}].to`, `closes at ${o.to}, not after it opens at ${o.from}`);
  });

  const queueIds = new Set(center.queues.map((q) => q.id));
  const templateIds = new Set(center.shiftTemplates.map((t) => t.id));
  const agents = new Map(center.agents.map((a) => [a.id, a]));
  const teams = new Map(center.teams.map((t) => [t.id, t]));

  center.shiftTemplates.forEach((t, i) => {
    const at = `$.shiftTemplates[${i}]`;
    if (t.minutes > 24 * 60) add(`${at}.minutes`, `a shift of ${t.minutes} minutes is longer than 24 hours`);
    if (t.minutes % center.intervalMinutes !== 0) {
      add(`${at}.minutes`, `${t.minutes} minutes is not a whole number of ${center.intervalMinutes}-minute intervals`);
    }
    const starts = Array.isArray(t.start) ? t.start : [t.start];
    starts.forEach((s, k) => {
      if (clockMinutes(s) % center.intervalMinutes !== 0) {
        add(`${at}.start${Array.isArray(t.start) ? `[${k}]` : ''}`, `start ${s} is not on a ${center.intervalMinutes}-minute boundary`);
      }
    });
    if (Array.isArray(t.start) && clockMinutes(t.start[1]) < clockMinutes(t.start[0])) {
      add(`${at}.start`, `start window ${t.start[0]}–${t.start[1]} ends before it begins`);
    }
    if (t.meal) {
      if (t.meal.minutes >= t.minutes) add(`${at}.meal.minutes`, `meal of ${t.meal.minutes} min does not fit a ${t.minutes}-min shift`);
      if (clockMinutes(t.meal.to) <= clockMinutes(t.meal.from)) add(`${at}.meal.to`, `meal window ${t.meal.from}–${t.meal.to} is empty`);
    }
    t.cannotBeFollowedBy.forEach((next, k) => {
      if (!templateIds.has(next)) add(`${at}.cannotBeFollowedBy[${k}]`, `unknown shift template "${next}"`);
    });
  });

  center.teams.forEach((team, i) => {
    const at = `$.teams[${i}]`;
    if (!queueIds.has(team.queue)) add(`${at}.queue`, `unknown queue "${team.queue}"`);
    const lead = agents.get(team.lead);
    if (!lead) add(`${at}.lead`, `unknown agent "${team.lead}"`);
    else {
      if (lead.team !== team.id) add(`${at}.lead`, `lead "${team.lead}" is not in team "${team.id}" (is in "${lead.team ?? 'no team'}")`);
      if (lead.role !== 'lead') add(`${at}.lead`, `"${team.lead}" has role "${lead.role}", not "lead"`);
    }
    const sup = agents.get(team.supervisor);
    if (!sup) add(`${at}.supervisor`, `unknown agent "${team.supervisor}"`);
    else if (sup.role !== 'supervisor') add(`${at}.supervisor`, `"${team.supervisor}" has role "${sup.role}", not "supervisor"`);
  });

  center.agents.forEach((a, i) => {
    const at = `$.agents[${i}]`;
    if (a.role === 'agent' || a.role === 'lead') {
      if (!a.team) add(`${at}.team`, `${a.role} "${a.id}" has no team`);
    }
    if (a.team !== undefined && !teams.has(a.team)) add(`${at}.team`, `unknown team "${a.team}"`);
    a.skills.forEach((s, k) => {
      if (!queueIds.has(s)) add(`${at}.skills[${k}]`, `unknown queue "${s}"`);
    });
    const team = a.team ? teams.get(a.team) : undefined;
    if (team && (a.role === 'agent' || a.role === 'lead') && !a.skills.includes(team.queue)) {
      add(`${at}.skills`, `agent "${a.id}" of team "${team.id}" lacks the team's queue skill "${team.queue}"`);
    }
    const c = a.contract;
    if (c.minDays > c.maxDays) add(`${at}.contract.minDays`, `minDays ${c.minDays} exceeds maxDays ${c.maxDays}`);
    if (c.minMinutes !== undefined && c.maxMinutes !== undefined && c.minMinutes > c.maxMinutes) {
      add(`${at}.contract.minMinutes`, `minMinutes ${c.minMinutes} exceeds maxMinutes ${c.maxMinutes}`);
    }
    c.templates?.forEach((t, k) => {
      if (!templateIds.has(t)) add(`${at}.contract.templates[${k}]`, `unknown shift template "${t}"`);
    });
    for (const t of Object.keys(c.maxShiftsPerTemplate ?? {})) {
      if (!templateIds.has(t)) add(`${at}.contract.maxShiftsPerTemplate.${t}`, `unknown shift template "${t}"`);
    }
    a.training.forEach((p, k) => {
      if (p.to < p.from) add(`${at}.training[${k}].to`, `training ends ${p.to} before it starts ${p.from}`);
    });
  });

  center.specialDays.forEach((d, i) => {
    if (d.likeDate && d.likeDate >= d.date) add(`$.specialDays[${i}].likeDate`, `"like" day ${d.likeDate} is not before ${d.date}`);
  });
  problems.push(...activityProblems(center));
  return problems;
}

/** A NUL character (Postgres text and jsonb refuse it) or half of a UTF-16 surrogate pair (no UTF-8 form). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Strings of the parsed center, keys included, that storage cannot hold. */
function unstorableStrings(value: unknown, path: PropertyKey[] = [], out: ProblemItem[] = []): ProblemItem[] {
  const bad = (s: string) => UNSTORABLE.test(s);
  if (typeof value === 'string') {
    if (bad(value)) out.push({ where: jsonPath(path), message: 'contains a NUL character or a broken UTF-16 surrogate' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableStrings(v, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (bad(k)) out.push({ where: jsonPath([...path, k]), message: 'the key contains a NUL character or a broken UTF-16 surrogate' });
      unstorableStrings(v, [...path, k], out);
    }
  }
  return out;
}

/** Validates a parsed JSON value as a center; throws ValidationError listing every problem. */
export function parseCenter(input: unknown, source = 'center'): Center {
  const result = centerSchema.safeParse(input);
  if (!result.success) {
    const errors = zodProblems(result.error);
    throw new ValidationError(`${source}: ${errors.length} problem(s) in the center file`, errors);
  }
  const center: Center = { ...result.data, id: result.data.id ?? slug(result.data.name) };
  const errors = [...unstorableStrings(center), ...centerProblems(center)];
  if (errors.length > 0) throw new ValidationError(`${source}: ${errors.length} problem(s) in the center file`, errors);
  return center;
}

export async function loadCenterFile(file: string): Promise<Center> {
  return parseCenter(await readJsonFile(file), file);
}

/**
 * Judging one cell's answer: the declared status, problem+json for every refusal (a role refusal names the
 * role), and no data of another scope. Leaks are found two ways: by name (every person's name says who and
 * where, and the other center has a name of its own) and by person id under the keys that name a person in
 * the API's objects ("agent", "with", "agentId").
 */
import type { AuthzFixture, Caller } from './authz-fixture.ts';
import { personName } from './authz-centers.ts';
import type { Cell } from './authz-cells.ts';

export interface Answer {
  status: number;
  type: string;
  text: string;
  body: unknown;
}

export interface Verdict {
  /** Answered as declared. */
  answered: boolean;
  /** What leaked of another scope, if anything. */
  leaked: string | null;
  why: string | null;
}

/**
 * Where the duty supervisor works the whole floor rather than their teams (MANUAL "Who is who": on the floor
 * during a shift): calling people in for overtime (O1, O2), offering time off in a surplus (VTO) and placing the
 * day's floating shifts (R4).
 */
export const floorWide = (operation: string) => /\/(callouts|floating|overtime-drafts|vto-offers)\b/.test(operation);

/** People the caller may not see: everyone of the other center (but for the admin), and of teams outside their scope. */
export function outOfScope(fx: Pick<AuthzFixture, 'own' | 'far'>, caller: Caller, operation: string): { ids: Set<string>; names: string[] } {
  const teams = caller.role === 'supervisor' && floorWide(operation) ? 'all' : caller.teams;
  const people = [
    ...(caller.role === 'admin' ? [] : fx.far.agents.map((a) => ({ id: a.id, center: fx.far.id }))),
    ...(teams === 'all' ? [] : fx.own.agents.filter((a) => a.team && !teams.includes(a.team)).map((a) => ({ id: a.id, center: fx.own.id }))),
  ];
  const names = people.map((p) => personName(p.id, p.center));
  if (caller.role !== 'admin') names.push(fx.far.name);
  return { ids: new Set(people.map((p) => p.id)), names };
}

const PERSON_KEYS = new Set(['agent', 'with', 'agentId']);

function personIds(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) personIds(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (PERSON_KEYS.has(k) && typeof v === 'string') out.add(v);
      else personIds(v, out);
    }
  }
  return out;
}

export function findLeak(cell: Cell, answer: Answer, hidden: ReturnType<typeof outOfScope>): string | null {
  if (cell.farObject && cell.role !== 'admin' && answer.status < 300) return `answered ${answer.status} for an object of the other center`;
  const name = hidden.names.find((n) => answer.text.includes(n));
  if (name) return `"${name}" in the answer`;
  const id = [...personIds(answer.body)].find((p) => hidden.ids.has(p));
  return id ? `person "${id}" in the answer` : null;
}

export function judge(cell: Cell, answer: Answer, hidden: ReturnType<typeof outOfScope>): Verdict {
  const leaked = findLeak(cell, answer, hidden);
  const detail = String((answer.body as { detail?: unknown } | null)?.detail ?? '');
  const roleRefusal = detail.includes(`role "${cell.role}" may not`);
  let why: string | null = null;
  if (!cell.expected.includes(answer.status)) why = `expected ${cell.expected.join('/')}, got ${answer.status}: ${answer.text.slice(0, 200)}`;
  else if (answer.status >= 400 && !answer.type.includes('application/problem+json')) why = `a ${answer.status} that is not problem+json (${answer.type})`;
  else if (cell.refusal === 'role' && !roleRefusal) why = `a role refusal that does not name the role: ${detail}`;
  else if (cell.refusal !== 'role' && roleRefusal) why = `refused by role although ${cell.role} is declared: ${detail}`;
  return { answered: why === null, leaked, why };
}

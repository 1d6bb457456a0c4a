/**
 * The authorization matrix, generated from the OpenAPI document: every operation × every role × every scope
 * (own team, other team, other center) becomes one cell — a request and the status the declarations give it:
 *   - a role the operation does not list (x-roles) → 403 naming the role;
 *   - an object of the other center (any path id, or a person named in the body) → 404, except for the admin,
 *     who sees every center;
 *   - a person of another team (a path agent, a request, an agent's own job, a person in the body) → 404 for the
 *     team-bound roles (supervisor, lead, agent), whose scope is their teams or themself;
 *   - otherwise what the operation answers in scope: 200 for reads, the probe's status for writes.
 * Query filters naming a team or person (team=, agent=) take the scope's value, so "other team" asks for
 * another team's rows through routes that are not addressed by a person.
 */
import type { UserRole } from '../../src/auth/roles.ts';
import { DAY, MONTH, ROLES, SCOPES, type AuthzFixture, type Caller, type Scope, type ScopeIds } from './authz-fixture.ts';
import { PROBES } from './authz-probes.ts';

type Operation = { 'x-roles': readonly UserRole[] | 'public'; parameters: Array<{ name: string; in: 'path' | 'query' }>; requestBody?: unknown };
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

export type Refusal = 'role' | 'scope' | null;

export interface Cell {
  /** "METHOD /path/{template}" as in the document. */
  operation: string;
  method: string;
  path: string;
  role: UserRole;
  scope: Scope;
  caller: Caller;
  body?: unknown;
  expected: number[];
  refusal: Refusal;
  /** The request names an object of the other center (no caller but the admin may get it). */
  farObject: boolean;
}

/** What a path parameter addresses, by its name (and for "id", by the collection it is under). */
type ObjectKind = 'center' | 'agent' | 'request' | 'callout' | 'vto' | 'roster' | 'forecast' | 'job' | 'token';

function kindOf(name: string, path: string): ObjectKind {
  if (name === 'id') {
    const byCollection: Array<[string, ObjectKind]> = [['/api/requests/', 'request'], ['/api/callouts/', 'callout'], ['/api/vto-offers/', 'vto']];
    return byCollection.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'center';
  }
  const byName: Record<string, ObjectKind> = { agentId: 'agent', agent: 'agent', rosterId: 'roster', forecastId: 'forecast', jobId: 'job', tokenId: 'token' };
  if (!byName[name]) throw new Error(`the matrix does not know what path parameter "${name}" of ${path} addresses`);
  return byName[name];
}

const valueOf = (kind: ObjectKind, ids: ScopeIds) => String(ids[kind]);

/** Query values: the required dates and months of the fixture's December, and the scope's team, person, center. */
function queryValue(name: string, ids: ScopeIds): string | undefined {
  const values: Record<string, string> = { month: MONTH, date: DAY, from: '2026-12-07', to: DAY, team: ids.team, agent: ids.agent, center: ids.center };
  return values[name];
}

const TEAM_BOUND: readonly UserRole[] = ['supervisor', 'lead', 'agent'];

/** Person-level objects: another team's are out of a team-bound caller's scope; an agent's jobs are the ones they started. */
function personLevel(kind: ObjectKind, role: UserRole): boolean {
  return kind === 'agent' || kind === 'request' || (kind === 'job' && role === 'agent');
}

/** The status a cell's declarations give it, in the order the server checks: role, then center, then team. */
function declared(roles: Operation['x-roles'], caller: Caller, scope: Scope, farObject: boolean, personScoped: boolean, inScope: () => number[]): { expected: number[]; refusal: Refusal } {
  if (roles === 'public') return { expected: [200], refusal: null };
  if (!roles.includes(caller.role)) return { expected: [403], refusal: 'role' };
  if (farObject && caller.role !== 'admin') return { expected: [404], refusal: 'scope' };
  if (scope === 'other team' && TEAM_BOUND.includes(caller.role) && personScoped) return { expected: [404], refusal: 'scope' };
  return { expected: inScope(), refusal: null };
}

export function cellsFrom(doc: OpenApi, fx: Pick<AuthzFixture, 'callers' | 'ids'>): Cell[] {
  const cells: Cell[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const operation = `${method.toUpperCase()} ${template}`;
      const probe = PROBES[operation];
      if (method !== 'get' && !probe) throw new Error(`no probe for ${operation}: add one to authz-probes.ts`);
      const pathParams = op.parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, kind: kindOf(p.name, template) }));
      for (const role of ROLES) {
        for (const scope of SCOPES) {
          const ids = { ...fx.ids[scope], ...probe?.at?.(fx.ids[scope]) };
          const caller = fx.callers[role];
          let path = template;
          for (const p of pathParams) path = path.replace(`{${p.name}}`, encodeURIComponent(valueOf(p.kind, ids)));
          const query = new URLSearchParams();
          for (const p of op.parameters.filter((x) => x.in === 'query')) {
            const v = queryValue(p.name, ids);
            if (v !== undefined) query.set(p.name, v);
          }
          if ([...query].length > 0) path += `?${query}`;
          const farObject = scope === 'other center' && (pathParams.length > 0 || !!probe?.personBody);
          const personScoped = pathParams.some((p) => personLevel(p.kind, role)) || !!probe?.personBody;
          const { expected, refusal } = declared(op['x-roles'], caller, scope, farObject, personScoped, () => (probe ? probe.ok(caller, ids) : [200]));
          cells.push({ operation, method: method.toUpperCase(), path, role, scope, caller, body: probe?.body?.(ids), expected, refusal, farObject });
        }
      }
    }
  }
  return cells;
}

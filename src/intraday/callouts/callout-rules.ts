/**
 * The rulebook rules a callout must keep (MANUAL O1 via the contract and hard rules): C1 minimum rest, C2 maximum
 * consecutive working days, H2 skill, H3 leave/unavailability. They are taken from solver/rules/ (one file per
 * rule, named by its id — "c1-min-rest.ts" — exporting `rule: Rule`), so eligibility is decided by the same
 * code that judges rosters and never re-decided here. Only the files of the wanted ids are loaded. A missing
 * rule is an error (503), not a silent pass.
 */
import { readdirSync } from 'node:fs';
import type { Rule } from '../../../solver/rules/rule.ts';
import { UnavailableError } from '../../errors.ts';

export const CALLOUT_RULE_IDS = ['C1', 'C2', 'H2', 'H3'] as const;

const RULES_DIR = new URL('../../../solver/rules/', import.meta.url);
const cache = new Map<string, Promise<Rule | undefined>>();

async function loadRule(id: string): Promise<Rule | undefined> {
  const prefix = `${id.toLowerCase()}-`;
  for (const file of readdirSync(RULES_DIR).filter((f) => f.toLowerCase().startsWith(prefix) && f.endsWith('.ts')).sort()) {
    const mod = (await import(new URL(file, RULES_DIR).href)) as { rule?: Rule };
    if (mod.rule?.id === id && typeof mod.rule.check === 'function') return mod.rule;
  }
  return undefined;
}

/** The callout rules from the rulebook; throws 503 naming any rule that is not there. */
export async function calloutRules(ids: readonly string[] = CALLOUT_RULE_IDS): Promise<Rule[]> {
  const found = await Promise.all(ids.map((id) => {
    let p = cache.get(id);
    if (!p) cache.set(id, (p = loadRule(id)));
    return p;
  }));
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length > 0) {
    for (const id of missing) cache.delete(id);
    throw new UnavailableError(`the rulebook has no rule ${missing.join(', ')} (solver/rules/): callout eligibility cannot be judged without it`);
  }
  return found as Rule[];
}

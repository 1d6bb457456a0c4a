/**
 * The rulebook rules a callout must keep (MANUAL O1 via the contract and hard rules): C1 minimum rest, C2 maximum
 * consecutive working days, H2 skill, H3 leave/unavailability. They are taken from solver/rules/ (one file per
 * rule exporting `rule: Rule`), found by their id, so eligibility is decided by the same code that judges
 * rosters and never re-decided here. A missing rule is an error, not a silent pass.
 */
import { readdirSync } from 'node:fs';
import type { Rule } from '../../../solver/rules/rule.ts';
import { UnavailableError } from '../../errors.ts';

export const CALLOUT_RULE_IDS = ['C1', 'C2', 'H2', 'H3'] as const;

const RULES_DIR = new URL('../../../solver/rules/', import.meta.url);
let cache: Promise<Map<string, Rule>> | null = null;

/** Every rule module in solver/rules/, by id. */
export function rulebook(): Promise<Map<string, Rule>> {
  cache ??= (async () => {
    const out = new Map<string, Rule>();
    for (const file of readdirSync(RULES_DIR).filter((f) => /^[a-z]+\d*[a-z]?-.+\.ts$/i.test(f)).sort()) {
      const mod = (await import(new URL(file, RULES_DIR).href)) as { rule?: Rule; rules?: Rule[] };
      for (const r of [mod.rule, ...(mod.rules ?? [])]) if (r && typeof r.check === 'function') out.set(r.id, r);
    }
    return out;
  })();
  return cache;
}

/** The callout rules from the rulebook; throws 503 naming any rule that is not there. */
export async function calloutRules(ids: readonly string[] = CALLOUT_RULE_IDS): Promise<Rule[]> {
  const book = await rulebook();
  const missing = ids.filter((id) => !book.has(id));
  if (missing.length > 0) throw new UnavailableError(`the rulebook has no rule ${missing.join(', ')} (solver/rules/): callout eligibility cannot be judged without it`);
  return ids.map((id) => book.get(id)!);
}

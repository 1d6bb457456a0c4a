/**
 * The rulebook rules a callout must keep (MANUAL O1 via the contract and hard rules): C1 minimum rest, C2 maximum
 * consecutive working days, H2 skill, H3 leave/unavailability. They come from the rulebook (solver/rules/index.ts),
 * so eligibility is decided by the same code that judges rosters and never re-decided here.
 */
import type { Rule } from '../../../solver/rules/rule.ts';
import { ruleById } from '../../../solver/rules/index.ts';
import { UnavailableError } from '../../errors.ts';

export const CALLOUT_RULE_IDS = ['C1', 'C2', 'H2', 'H3'] as const;

/** The callout rules from the rulebook; a missing id is an error (503), not a silent pass. */
export async function calloutRules(ids: readonly string[] = CALLOUT_RULE_IDS): Promise<Rule[]> {
  const found = ids.map((id) => ruleById(id));
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length > 0) throw new UnavailableError(`the rulebook has no rule ${missing.join(', ')}: callout eligibility cannot be judged without it`);
  return found as Rule[];
}

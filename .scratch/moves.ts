import { requirementsFromBankProfile } from '../solver/requirements/bank-profile.ts';
import { solveRoster } from '../solver/solve-roster.ts';
import { MONTH, tinyCenter } from '../test/solver/fixture.ts';
const center = tinyCenter();
const requirements = requirementsFromBankProfile(center, MONTH);
for (const moves of [20000, 100000]) {
  const t = performance.now();
  const r = await solveRoster({ center, month: MONTH, requirements }, { moves, seed: 3 });
  console.log(moves, Math.round(performance.now() - t), r.roster.score, r.lowerBound.understaffed, r.phases.map(p => `${p.phase}:${p.ms}`).join(' | '));
}

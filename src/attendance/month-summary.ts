/**
 * An agent's month of attendance and its consequences (MANUAL A3, A4, A5), with the center's settings:
 *
 * - A3: bonusWithheldAfterIncidents (3) lates or early leaves in the month → the month's performance bonus is
 *   withheld.
 * - A4 (original: 曠工一天當月績效為零, 兩天以內(包含兩天)扣除當月所有獎金, 三天以上(包含三天)不予發(fā)放當月工資):
 *   absence of more than 0 and at most 1 day → performance pay zero; more than 1 and less than 3 days → all
 *   bonuses withheld; 3 days or more → no salary for the month. Half days add up.
 * - A4/A5 resignation: resignationConsecutiveAbsences (3) full days of absence on consecutive rostered days
 *   (rest days in between neither break nor extend the run) → treated as resignation.
 * Pending days (the shift is not over) are not counted yet.
 */
import type { Rules } from '../domain/rules.ts';
import type { DayRecord } from './classify.ts';

export type PayConsequence = 'none' | 'performance-pay-zero' | 'all-bonuses-withheld' | 'no-salary';

export interface AgentMonth {
  agent: string;
  team: string | null;
  month: string;
  rostered: number;
  attended: number;
  leave: number;
  pending: number;
  absenceDays: number;
  lates: number;
  earlyLeaves: number;
  excused: number;
  /** L9 for the person: attended ÷ rostered days so far (null with nothing rostered yet). */
  rate: number | null;
  /** Pay-related results (S3: visible to the agent, their managers and the director only). */
  pay: {
    bonusWithheld: boolean;
    consequence: PayConsequence;
    resignation: { flagged: boolean; dates: string[] };
    rules: string[];
  };
}

type SummaryRules = Pick<Rules, 'bonusWithheldAfterIncidents' | 'resignationConsecutiveAbsences'>;

export function payConsequence(absenceDays: number): PayConsequence {
  if (absenceDays >= 3) return 'no-salary';
  if (absenceDays > 1) return 'all-bonuses-withheld';
  if (absenceDays > 0) return 'performance-pay-zero';
  return 'none';
}

export function summarizeMonth(agent: string, team: string | null, month: string, days: readonly DayRecord[], rules: SummaryRules): AgentMonth {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  let rostered = 0, attended = 0, leave = 0, pending = 0, absence = 0, lates = 0, earlies = 0, excused = 0;
  let run: string[] = [];
  let longest: string[] = [];
  for (const d of sorted) {
    if (d.status === 'pending') {
      pending++;
      continue;
    }
    rostered++;
    attended += d.attended ?? 0;
    if (d.status === 'leave') leave++;
    absence += d.absenceDays;
    if (d.late) lates++;
    if (d.earlyLeave) earlies++;
    if (d.excused) excused++;
    if (d.absenceDays >= 1) {
      run.push(d.date);
      if (run.length > longest.length) longest = [...run];
    } else run = [];
  }
  const consequence = payConsequence(absence);
  const bonusWithheld = lates + earlies >= rules.bonusWithheldAfterIncidents;
  const flagged = longest.length >= rules.resignationConsecutiveAbsences;
  const payRules: string[] = [];
  if (bonusWithheld) payRules.push('A3');
  if (consequence !== 'none' || flagged) payRules.push('A4');
  if (sorted.some((d) => d.rules.includes('A5'))) payRules.push('A5');
  return {
    agent, team, month, rostered, attended: Math.round(attended * 100) / 100, leave, pending, absenceDays: absence, lates, earlyLeaves: earlies, excused,
    rate: rostered > 0 ? Math.round((attended / rostered) * 10_000) / 10_000 : null,
    pay: { bonusWithheld, consequence, resignation: { flagged, dates: flagged ? longest : [] }, rules: payRules },
  };
}

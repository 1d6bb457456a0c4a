/**
 * The roster as FORMATS.md "Roster" defines it: what the solver returns, what validate reads, what the API
 * serves. Times are ISO-8601 with the center's offset.
 */

export type BreakKind = 'break' | 'meal';

export interface BreakSlot {
  start: string;
  minutes: number;
  kind: BreakKind;
}

/** Off-phone time inside a shift for an exam, training, a meeting or coaching (FORMATS.md, MANUAL TR1–TR4). */
export interface ActivitySlot {
  start: string;
  minutes: number;
  /** Id of the center's activity definition. */
  activity: string;
}

export type AssignmentKind = 'regular' | 'overtime';

export interface Assignment {
  agent: string;
  date: string;
  /** Shift template id. */
  shift: string;
  queue: string;
  start: string;
  end: string;
  breaks: BreakSlot[];
  /** Overtime assignments come from callouts (O1, O2); absent = regular. */
  kind?: AssignmentKind;
  /** Activities placed in the shift (absent = none); off the phones like breaks. */
  activities?: ActivitySlot[];
  /**
   * The span the template gave a shift that approved time off (VTO) has since shortened: H4 judges this span,
   * and the worked start–end must lie inside it. Absent = the shift is worked as planned.
   */
  planned?: { start: string; end: string };
  /** R10: when the person reports for the briefing (start − 10/20/30 min by role). */
  report?: string;
}

export interface CoverageRow {
  queue: string;
  interval_start: string;
  required: number;
  /** Average agents on the phones over the interval (breaks remove their share). */
  scheduled: number;
}

export interface Score {
  /** Number of hard violations. */
  hard: number;
  /** Σ max(0, required − scheduled) × interval hours, agent-hours. */
  understaffed: number;
  /** Σ max(0, scheduled − required) × interval hours, agent-hours. */
  overstaffed: number;
  /** Weighted sum of the other soft penalties. */
  soft: number;
}

export interface Violation {
  /** MANUAL.md rule id ("R7") or a contract rule id ("C-rest"). */
  rule: string;
  level: 'hard' | 'soft';
  agent?: string;
  team?: string;
  queue?: string;
  date?: string;
  interval_start?: string;
  /** How much the rule is broken, in `unit`. */
  penalty: number;
  unit: string;
  message: string;
}

export interface Roster {
  center: string;
  month: string;
  assignments: Assignment[];
  coverage: CoverageRow[];
  score: Score;
  violations: Violation[];
}

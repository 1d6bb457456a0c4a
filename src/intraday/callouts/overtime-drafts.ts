/**
 * O2: overtime lists drafted ahead of time. For each of the next days, the stored forecast's requirement is set
 * against the published roster's coverage; every run of intervals short by at least `threshold` agents becomes a
 * draft callout with its ranked candidates, which a manager reviews and publishes (then the people are
 * notified). Drafting the same days again replaces the earlier drafts that were not published.
 */
import type { Rule } from '../../../solver/rules/rule.ts';
import type { Center } from '../../domain/center-schema.ts';
import type { Db } from '../../db/db.ts';
import { ValidationError } from '../../errors.ts';
import { dateRange, dayStart } from '../../time/local-day.ts';
import { intradayView } from '../intraday-view.ts';
import { createCallout, type CalloutRecord } from './callout-service.ts';

export interface DraftOptions {
  /** First day ("YYYY-MM-DD"). */
  from: string;
  days: number;
  queues?: string[];
  /** Gap in agents from which a window is drafted (default 1). */
  threshold?: number;
}

export interface DraftResult {
  days: string[];
  replaced: number;
  drafts: CalloutRecord[];
  /** Windows without a draft (no published roster that month, or nobody eligible). */
  skipped: Array<{ date: string; queue?: string; from?: string; to?: string; reason: string }>;
}

export async function draftOvertime(db: Db, center: Center, options: DraftOptions, rules: readonly Rule[], userId: number | null): Promise<DraftResult> {
  if (!(options.days >= 1 && options.days <= 14)) throw new ValidationError('days must be 1…14', [{ where: 'body.days', message: 'out of range' }]);
  const days = dateRange(options.from, options.days);
  const first = dayStart(days[0], center.timezone);
  const end = dayStart(days[days.length - 1], center.timezone).plus({ days: 1 });
  const replaced = await db.query<{ id: number }>(
    `DELETE FROM callouts WHERE center_id = $1 AND kind = 'planned' AND status = 'draft' AND from_at >= $2 AND from_at < $3
       AND ($4::text[] IS NULL OR queue_id = ANY($4::text[])) RETURNING id`,
    [center.id, first.toJSDate(), end.toJSDate(), options.queues ?? null],
  );
  const drafts: CalloutRecord[] = [];
  const skipped: DraftResult['skipped'] = [];
  for (const date of days) {
    // As of the day's start nothing is observed: the reforecast is the forecast, the gap is plan vs roster.
    const view = await intradayView(db, center, { date, queues: options.queues, asOf: dayStart(date, center.timezone).toJSDate(), threshold: options.threshold ?? 1 });
    if (view.rosterId === null) {
      skipped.push({ date, reason: `no published roster for ${date.slice(0, 7)}` });
      continue;
    }
    for (const q of view.queues) {
      for (const w of q.proposals) {
        const draft = await createCallout(db, center, {
          queue: w.queue, from: w.from, to: w.to, needed: w.needed, kind: 'planned', status: 'draft',
          reason: { rule: 'O2', peakGap: w.peakGap, agentHoursShort: w.agentHoursShort, forecastId: view.forecastId },
        }, rules, userId);
        if (draft.candidates.length === 0) skipped.push({ date, queue: w.queue, from: w.from, to: w.to, reason: 'nobody is eligible' });
        drafts.push(draft);
      }
    }
  }
  return { days, replaced: replaced.rows.length, drafts, skipped };
}

/**
 * When an activity leaves a shift (it moved, or the shift went to someone else), the hourly break it stood in for
 * must come back: every full working hour with neither a break nor 15 minutes of activity gets a break of
 * rules.hourlyBreakMinutes (R7), 40 minutes into the hour when free (as the solver's own shifts have them),
 * else the nearest free 5-minute step — never in the shift's first minutes (R9), over no meal or activity.
 */
import type { Center } from '../../src/domain/center-schema.ts';
import { activityMinutesIn, insideBlock, workBlocks, type TimeSpan } from '../model/work-blocks.ts';
import type { Assignment } from '../roster.ts';
import { ACTIVITY_EXEMPTS_MINUTES } from '../rules/r7-hourly-break.ts';
import { DateTime } from 'luxon';
import { isoWithOffset } from '../../src/time/local-day.ts';

const MINUTE = 60_000;
const span = (b: { start: string; minutes: number }): TimeSpan => ({ fromMs: Date.parse(b.start), toMs: Date.parse(b.start) + b.minutes * MINUTE });

export function withHourlyBreaks(a: Assignment, center: Center): Assignment {
  const minutes = center.rules.hourlyBreakMinutes;
  if (minutes === 0) return a;
  const startMs = Date.parse(a.start);
  const meals = a.breaks.filter((b) => b.kind === 'meal').map(span);
  const breaks = a.breaks.filter((b) => b.kind === 'break').map(span);
  const activities = (a.activities ?? []).map(span);
  const busy = [...meals, ...breaks, ...activities];
  const earliest = startMs + center.rules.noBreakFirstMinutes * MINUTE;
  const added: Assignment['breaks'] = [];
  for (const block of workBlocks(startMs, Date.parse(a.end), meals)) {
    if (breaks.some((b) => insideBlock(block, b.fromMs, b.toMs)) || activityMinutesIn(block, activities) >= ACTIVITY_EXEMPTS_MINUTES) continue;
    const first = block.pieces[0].fromMs;
    const options: number[] = [];
    for (const p of block.pieces) for (let s = p.fromMs; s + minutes * MINUTE <= p.toMs; s += 5 * MINUTE) options.push(s);
    const target = first + 40 * MINUTE;
    const fits = (s: number) => s >= earliest && !busy.some((x) => x.fromMs < s + minutes * MINUTE && s < x.toMs);
    const at = options.filter(fits).sort((x, y) => Math.abs(x - target) - Math.abs(y - target))[0];
    if (at === undefined) continue;
    busy.push({ fromMs: at, toMs: at + minutes * MINUTE });
    added.push({ start: isoWithOffset(DateTime.fromMillis(at, { zone: center.timezone })), minutes, kind: 'break' });
  }
  if (added.length === 0) return a;
  return { ...a, breaks: [...a.breaks, ...added].sort((x, y) => Date.parse(x.start) - Date.parse(y.start)) };
}

/** The shift with only the activities `keep` accepts (none by default), its hourly breaks back where they stood in. */
export function withoutActivities(a: Assignment, center: Center, keep: (x: NonNullable<Assignment['activities']>[number]) => boolean = () => false): Assignment {
  if (!a.activities) return a;
  const kept = a.activities.filter(keep);
  const { activities: _all, ...rest } = a;
  return withHourlyBreaks(kept.length ? { ...rest, activities: kept } : rest, center);
}

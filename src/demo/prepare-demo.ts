/**
 * Prepares the demo center so every page has data in the first minutes: a forecast from the first day of the
 * current month through the end of the next, its requirements, and a solved, published roster for both months.
 * Runs as a background job ("demo.prepare") with progress; each step is skipped when its output exists. Then
 * today's simulated calls and the month's sign-ins start (src/demo/demo-activity.ts).
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { currentRequirements } from '../db/repos/requirements.ts';
import { listRosters, publishRoster } from '../db/repos/rosters.ts';
import { runForecast } from '../services/forecasting.ts';
import { requirementsFromForecast } from '../services/requirements.ts';
import { runRosterSolve } from '../services/roster-solve.ts';
import { feedDemoActuals, recordDemoAttendance } from './demo-activity.ts';

export interface PrepareOptions {
  /** "Today" in the center's zone (default: now). */
  today?: string;
  /** Time limit of each month's solve. */
  solveSeconds?: number;
  signal?: AbortSignal;
  progress?: (fraction: number, detail: Record<string, unknown>) => Promise<void> | void;
}

export async function prepareDemo(db: Db, center: Center, options: PrepareOptions = {}) {
  const zone = center.timezone;
  const today = DateTime.fromISO(options.today ?? DateTime.now().setZone(zone).toISODate()!, { zone });
  const first = today.startOf('month');
  const months = [first.toFormat('yyyy-MM'), first.plus({ months: 1 }).toFormat('yyyy-MM')];
  const report = async (fraction: number, step: string) => options.progress?.(fraction, { step });
  const done: Record<string, unknown> = {};

  const end = first.plus({ months: 2 });
  const have = await currentRequirements(db, center.id, zone, first.toJSDate(), end.toJSDate());
  if (have.length === 0) {
    await report(0.02, `forecasting ${months.join(' and ')}`);
    const days = Math.round(end.diff(first, 'days').days);
    const forecast = await runForecast(db, center, { from: first.toISODate()!, days, model: 'auto' }, { signal: options.signal });
    done.forecastId = forecast.id;
    await report(0.15, 'computing requirements');
    done.requirementSetId = (await requirementsFromForecast(db, center, forecast.id, null)).set.id;
  }
  for (const [i, month] of months.entries()) {
    if (options.signal?.aborted) break;
    if ((await listRosters(db, center.id, month)).some((r) => r.status === 'published')) continue;
    await report(0.2 + 0.4 * i, `solving the ${month} roster`);
    const solved = await runRosterSolve(db, center, { month, timeLimitSeconds: options.solveSeconds ?? 45 }, {
      signal: options.signal,
      onProgress: (f, d) => void report(0.2 + 0.4 * i + 0.38 * f, `solving the ${month} roster (${String(d?.phase ?? '')})`),
    });
    if (solved.score.hard === 0) {
      await db.transaction(async (tx) => {
        await publishRoster(tx, solved.rosterId, null);
        await audit(tx, { centerId: center.id, action: 'roster.publish', objectKind: 'roster', objectId: solved.rosterId, detail: { month, by: 'demo preparation' } });
      });
    }
    done[month] = { rosterId: solved.rosterId, score: solved.score, published: solved.score.hard === 0 };
  }
  await report(0.98, 'simulating today\'s calls and the month\'s sign-ins');
  done.actualRows = await feedDemoActuals(db, center);
  done.attendanceEvents = await recordDemoAttendance(db, center);
  await report(1, 'ready');
  return done;
}

/**
 * shiftcast staffing --forecast F.csv --center C.json --out requirements.csv [--month YYYY-MM [--plan plan.json]]
 * Forecast → agents required per queue and interval (src/staffing/requirements.ts), written as the Requirements
 * CSV of FORMATS.md, with a per-queue summary; optionally the month's headcount and hiring gap (MANUAL R2).
 */
import { writeFile } from 'node:fs/promises';
import { UsageError, monthFlag, parseFlags, requireFlag, type CliCommand } from '../command.ts';

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

export const command: CliCommand = {
  name: 'staffing',
  summary: 'turn a forecast into agents required per interval',
  usage: `usage: shiftcast staffing --forecast F.csv --center C.json --out requirements.csv [--month YYYY-MM] [--plan plan.json]

Computes the agents needed on the phones per queue and interval from a forecast (FORMATS.md "Forecast") and a
center (FORMATS.md "Center"): Erlang A for inbound queues with patienceSeconds, Erlang C for other inbound
queues (service level and occupancy cap of the queue), calls per hour of the tier mix for outbound queues.
Writes the Requirements CSV and prints a summary per queue.
  --forecast F.csv   forecast CSV (local times are read in the center's time zone)
  --center C.json    center file
  --out FILE.csv     requirements CSV to write
  --month YYYY-MM    also plan that month's headcount and hiring gap (MANUAL R2), using the agents'
                     "unavailable" days as approved leave and the default assumptions
  --plan FILE.json   write the full plan (every step of the arithmetic) as JSON (needs --month)`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      forecast: { type: 'string' }, center: { type: 'string' }, out: { type: 'string' }, month: { type: 'string' }, plan: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const forecastFile = requireFlag(values, 'forecast');
    const centerFile = requireFlag(values, 'center');
    const outFile = requireFlag(values, 'out');
    const month = values.month === undefined ? undefined : monthFlag(values, 'month');
    if (values.plan !== undefined && month === undefined) throw new UsageError('--plan needs --month');

    const { loadCenterFile } = await import('../../domain/center-loader.ts');
    const { readForecastFile } = await import('../../formats/forecast-csv.ts');
    const { requirementsCsv } = await import('../../formats/requirements-csv.ts');
    const { computeRequirements } = await import('../../staffing/requirements.ts');
    const center = await loadCenterFile(centerFile);
    const forecast = await readForecastFile(forecastFile, center.timezone);
    const started = performance.now();
    const result = computeRequirements(forecast, center, { source: forecastFile });
    const ms = performance.now() - started;
    await writeFile(outFile, requirementsCsv(result.points));

    console.log(`${result.points.length} requirement rows (${result.intervalMinutes}-minute intervals) → ${outFile} in ${ms.toFixed(0)} ms`);
    console.log(
      table([
        ['queue', 'model', 'intervals', 'offered', 'agent-hours', 'peak', 'peak at', 'SL', 'abandon', 'occupancy', 'calls/h'],
        ...result.summary.map((s) => [
          s.queue, s.model, String(s.intervals), s.offered.toFixed(0), s.agentHours.toFixed(1), String(s.peakRequired), s.peakAt ?? '-',
          pct(s.serviceLevel), pct(s.pAbandon), pct(s.occupancy), s.tierMix ? s.tierMix.callsPerHour.toFixed(2) : '-',
        ]),
      ]),
    );

    if (month !== undefined) {
      const { staffingPlan } = await import('../../staffing/hiring-gap.ts');
      const { centerLeave } = await import('../../staffing/agent-capacity.ts');
      const plan = staffingPlan({ center, month, requirements: result.points, approvedLeave: centerLeave(center, month), intervalMinutes: result.intervalMinutes });
      console.log(`\nheadcount plan ${month} (${plan.openDays} open days, standard shift ${plan.shift.template}):`);
      console.log(
        table([
          ['queue', 'agents', 'required h', 'available h', 'gap h', 'hire'],
          ...plan.queues.map((q) => [
            q.queue, String(q.currentAgents), q.requiredPaidHours.toFixed(1), q.availablePaidHours.toFixed(1), q.gapHours.toFixed(1),
            q.hires.length === 0 ? '0' : q.hires.map((h) => `${h.count}${h.tier ? ` ${h.tier}` : ''}`).join(', '),
          ]),
        ]),
      );
      for (const w of plan.warnings) console.log(`warning: ${w}`);
      if (values.plan) {
        await writeFile(values.plan, JSON.stringify(plan, null, 2) + '\n');
        console.log(`plan with every step → ${values.plan}`);
      }
    }
    return 0;
  },
};

/**
 * shiftcast forecast --history FILE.csv --from YYYY-MM-DD --days N [--interval 30] [--zone IANA] [--model auto]
 *                    --out FILE.csv
 * Forecast from a traffic history file alone (no server, no database): writes the Forecast CSV of FORMATS.md and
 * prints, per queue, the backtest table of every model, the chosen one, and what was learned from the history.
 */
import { writeFile } from 'node:fs/promises';
import { UsageError, dateFlag, intFlag, parseFlags, requireFlag, type CliCommand } from '../command.ts';

const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const command: CliCommand = {
  name: 'forecast',
  summary: 'forecast call volume from a history CSV',
  usage: `usage: shiftcast forecast --history FILE.csv --from YYYY-MM-DD --days N [--interval 30] [--zone IANA]
                         [--model auto] --out FILE.csv [--center C.json] [--special-days FILE.json]
                         [--aht SECONDS] [--backtest-weeks 4] [--coverage 0.8] [--queue ID]... [--report FILE.json]

Forecasts calls offered and handle time per queue and interval from a traffic history CSV (FORMATS.md
"Traffic history"). Open hours, closed days and gaps are learned from the history. Every model is backtested
on the last weeks at the requested horizon; --model auto (the default) uses the lowest wMAPE (one model or a
combination). Writes the Forecast CSV (FORMATS.md "Forecast") with 80% prediction intervals.
  --history FILE.csv     traffic history (5, 10, 15, 30 or 60-minute rows)
  --from YYYY-MM-DD      first day to forecast (after the last day of the history)
  --days N               days to forecast
  --interval MINUTES     forecast interval: 5, 10, 15, 30 or 60 (default 30, or the center's)
  --zone IANA            the center's time zone, e.g. America/New_York. Local times in the history are read in
                         it and DST days get 23 or 25 hours. Default: the center's zone with --center, else
                         this machine's zone (${systemZone()}), which is printed; pass --zone whenever the
                         machine's zone is not the center's (the bank sample data is America/New_York)
  --model NAME           auto, or one of the model names printed in the backtest table
  --out FILE.csv         forecast CSV to write
  --center C.json        center file: its zone, interval, specialDays and queue AHT defaults are used
  --special-days F.json  holidays and campaigns: a JSON array of {date, kind, name, closed, multiplier,
                         likeDate}, or an object with "specialDays" (overrides the center's)
  --aht SECONDS          AHT where the history has no aht_seconds (default 180, or the queue's ahtSeconds)
  --backtest-weeks K     rolling backtest origins, one week apart (default 4; 0 = no backtest)
  --coverage C           prediction interval coverage (default 0.8)
  --queue ID             forecast only this queue (repeatable)
  --report FILE.json     also write the full report (backtest tables, open hours, gaps) as JSON`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      history: { type: 'string' }, from: { type: 'string' }, days: { type: 'string' }, interval: { type: 'string' },
      zone: { type: 'string' }, model: { type: 'string' }, out: { type: 'string' }, center: { type: 'string' },
      'special-days': { type: 'string' }, aht: { type: 'string' }, 'backtest-weeks': { type: 'string' },
      coverage: { type: 'string' }, queue: { type: 'string', multiple: true }, report: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const historyFile = requireFlag(values, 'history');
    const from = dateFlag(values, 'from');
    const days = intFlag(values, 'days', 0, 1);
    if (values.days === undefined) throw new UsageError('--days is required');
    const outFile = requireFlag(values, 'out');
    const coverage = values.coverage === undefined ? undefined : Number(values.coverage);
    if (coverage !== undefined && !(coverage > 0 && coverage < 1)) throw new UsageError(`--coverage must be between 0 and 1, got "${values.coverage}"`);
    const aht = values.aht === undefined ? undefined : Number(values.aht);
    if (aht !== undefined && !(aht > 0)) throw new UsageError(`--aht must be a positive number of seconds, got "${values.aht}"`);

    const { loadCenterFile } = await import('../../domain/center-loader.ts');
    const { assertZone } = await import('../../forecast/zone-clock.ts');
    const { readTrafficFile } = await import('../../formats/traffic-csv.ts');
    const { forecastCsv } = await import('../../formats/forecast-csv.ts');
    const { forecast, backtestText } = await import('../../forecast/index.ts');
    const { readSpecialDaysFile } = await import('../../forecast/special-days-file.ts');

    const center = values.center ? await loadCenterFile(values.center) : undefined;
    const zone = values.zone ?? center?.timezone ?? systemZone();
    if (!values.zone && !center) console.error(`zone: ${zone} (this machine's zone; pass --zone to set the center's)`);
    assertZone(zone, '--zone');
    const interval = intFlag(values, 'interval', center?.intervalMinutes ?? 30, 1);
    const specialDays = values['special-days'] ? await readSpecialDaysFile(values['special-days']) : center?.specialDays;
    const centerAht = center ? Object.fromEntries(center.queues.flatMap((q) => (q.kind === 'inbound' ? [[q.id, q.ahtSeconds]] : []))) : undefined;

    const history = await readTrafficFile(historyFile, { zone });
    const started = performance.now();
    const result = forecast(history, {
      from, days, intervalMinutes: interval, zone, model: values.model ?? 'auto', specialDays,
      defaultAhtSeconds: aht ?? centerAht, queues: values.queue, coverage,
      backtestWeeks: intFlag(values, 'backtest-weeks', 4, 0),
    });
    const ms = performance.now() - started;
    await writeFile(outFile, forecastCsv(result.points));
    if (values.report) await writeFile(values.report, JSON.stringify(result.report, null, 2) + '\n');

    for (const q of result.report.queues) console.log(backtestText(q) + '\n');
    console.log(`${result.points.length} forecast rows (${interval}-minute intervals, ${from} + ${days} days, zone ${zone}) → ${outFile} in ${ms.toFixed(0)} ms`);
    return 0;
  },
};

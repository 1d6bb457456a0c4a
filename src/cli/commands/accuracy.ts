/**
 * shiftcast accuracy --forecast F.csv --actual A.csv [--zone IANA]
 * Judges a forecast CSV against the traffic that came: MAPE, wMAPE, bias, RMSE and MASE per interval, day, week
 * and total, per queue and for all queues (src/forecast/accuracy.ts).
 */
import { writeFile } from 'node:fs/promises';
import { UsageError, parseFlags, requireFlag, type CliCommand } from '../command.ts';

const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const DETAILS = ['day', 'week', 'time'] as const;

export const command: CliCommand = {
  name: 'accuracy',
  summary: 'compare a forecast CSV with actual traffic',
  usage: `usage: shiftcast accuracy --forecast F.csv --actual A.csv [--zone IANA] [--history H.csv]
                         [--by day,week,time] [--json FILE.json]

Compares a forecast (FORMATS.md "Forecast") with actual traffic (FORMATS.md "Traffic history"; finer rows are
summed into the forecast's intervals) and prints MAPE, wMAPE (Σ|a−f| / Σa), bias ((Σf − Σa) / Σa), RMSE and
MASE (MAE ÷ the seasonal-naive week-on-week MAE) at interval, day, week and total level, per queue and for
all queues, with the share of actuals inside the prediction interval.
  --forecast F.csv   forecast CSV
  --actual A.csv     actual traffic CSV (rows outside the forecast's dates are used only for the MASE scale)
  --zone IANA        the center's time zone: local times in both files are read in it, days and weeks are
                     local. Default: this machine's zone (${systemZone()}), which is printed
  --history H.csv    history before the forecast, for the MASE scale (default: the actual file)
  --by LIST          also print tables by day, week and/or time of day (comma-separated)
  --json FILE.json   also write the full accuracy report as JSON`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      forecast: { type: 'string' }, actual: { type: 'string' }, zone: { type: 'string' }, history: { type: 'string' },
      by: { type: 'string' }, json: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const forecastFile = requireFlag(values, 'forecast');
    const actualFile = requireFlag(values, 'actual');
    const by = (values.by ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    const badBy = by.filter((x) => !(DETAILS as readonly string[]).includes(x));
    if (badBy.length) throw new UsageError(`--by takes ${DETAILS.join(', ')}; got "${badBy.join(', ')}"`);

    const { assertZone } = await import('../../forecast/zone-clock.ts');
    const { readForecastFile } = await import('../../formats/forecast-csv.ts');
    const { readTrafficFile } = await import('../../formats/traffic-csv.ts');
    const { accuracy, accuracyText } = await import('../../forecast/index.ts');
    const zone = values.zone ?? systemZone();
    if (!values.zone) console.error(`zone: ${zone} (this machine's zone; pass --zone to set the center's)`);
    assertZone(zone, '--zone');
    const points = await readForecastFile(forecastFile, zone);
    const actual = await readTrafficFile(actualFile, { zone });
    const history = values.history ? await readTrafficFile(values.history, { zone }) : undefined;
    const report = accuracy(points, actual, { zone, history });
    console.log(accuracyText(report, by as Array<(typeof DETAILS)[number]>));
    if (values.json) await writeFile(values.json, JSON.stringify(report, null, 2) + '\n');
    return 0;
  },
};

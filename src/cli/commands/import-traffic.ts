/** shiftcast import traffic FILE --center ID: all or nothing, re-import upserts. */
import { UsageError, intFlag, parseFlags, requireFlag, type CliCommand } from '../command.ts';

export const command: CliCommand = {
  name: 'import traffic',
  summary: 'import a traffic CSV into a center',
  usage: `usage: shiftcast import traffic FILE.csv --center ID [--queue Q] [--interval MIN] [--center-file C.json]

Imports the traffic CSV of FORMATS.md into the center's history in one transaction: every row or none. Rows of
intervals already stored are updated, never duplicated. Errors name the file, line and column.
  --center ID          the center to import into
  --queue Q            queue for rows without a queue column (default "default")
  --interval MIN       interval length in minutes (default: inferred from the rows' spacing)
  --center-file C.json create or update the center from this file first`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      center: { type: 'string' }, queue: { type: 'string' }, interval: { type: 'string' }, 'center-file': { type: 'string' },
    }, true);
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE.csv');
    const centerId = requireFlag(values, 'center');
    const interval = values.interval === undefined ? undefined : intFlag(values, 'interval', 30, 1);
    const { openDb } = await import('../../db/open-db.ts');
    const { getCenter, saveCenter } = await import('../../db/repos/centers.ts');
    const { loadCenterFile } = await import('../../domain/center-loader.ts');
    const { openCsvFile } = await import('../../formats/csv-records.ts');
    const { importTraffic } = await import('../../services/traffic-import.ts');
    const db = await openDb();
    try {
      if (values['center-file']) {
        const file = await loadCenterFile(values['center-file']);
        if (file.id !== centerId) throw new UsageError(`--center ${centerId} does not match the file's center id "${file.id}"`);
        await db.transaction((tx) => saveCenter(tx, file));
      }
      const center = await getCenter(db, centerId);
      if (!center) throw new UsageError(`unknown center "${centerId}" (give --center-file to create it)`);
      const result = await importTraffic(db, center, await openCsvFile(positionals[0]), {
        source: positionals[0], defaultQueue: values.queue, intervalMinutes: interval,
      });
      const rate = Math.round(result.rows / Math.max(result.milliseconds / 1000, 1e-3));
      console.log(`imported ${result.rows} rows (${result.inserted} new, ${result.updated} updated) into ${center.id}: queues ${result.queues.join(', ')}, ${result.intervalMinutes}-minute intervals, ${result.from} … ${result.to}, ${result.milliseconds} ms (${rate} rows/s)`);
    } finally {
      await db.close();
    }
    return 0;
  },
};

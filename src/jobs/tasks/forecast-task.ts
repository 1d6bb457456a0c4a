/** The forecast as a thread task: runInThread calls this with the history and options. */
import { forecast, type ForecastOptions } from '../../forecast/index.ts';
import type { TrafficRow } from '../../formats/traffic-csv.ts';

export function forecastTask(input: { history: TrafficRow[]; options: ForecastOptions }) {
  const { points, report } = forecast(input.history, input.options);
  return { points, report };
}

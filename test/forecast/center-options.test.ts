/**
 * The center → forecast() options bridge used by the API job and `shiftcast forecast --center`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { forecastOptionsForCenter } from '../../src/forecast/index.ts';

describe('forecastOptionsForCenter', () => {
  const demo = JSON.parse(readFileSync(new URL('../../data/demo-center.json', import.meta.url), 'utf8'));
  demo.specialDays = [{ date: '2026-12-25', kind: 'holiday', name: 'Christmas', closed: true }];
  const center = parseCenter(demo);

  it('takes the zone, interval, calendar and per-queue AHT from the center, the rest from the request', () => {
    const o = forecastOptionsForCenter(center, { from: '2026-12-01', days: 31, queues: ['csr'] });
    expect(o).toMatchObject({ from: '2026-12-01', days: 31, model: 'auto', queues: ['csr'], zone: center.timezone, intervalMinutes: center.intervalMinutes });
    expect(o.specialDays).toEqual([{ date: '2026-12-25', kind: 'holiday', name: 'Christmas', closed: true }]);
    const inbound = center.queues.filter((q) => q.kind === 'inbound');
    expect(o.defaultAhtSeconds).toEqual(Object.fromEntries(inbound.map((q) => [q.id, q.ahtSeconds])));
  });

  it('keeps a named model', () => expect(forecastOptionsForCenter(center, { from: '2026-12-01', days: 7, model: 'svd-k3' }).model).toBe('svd-k3'));
});

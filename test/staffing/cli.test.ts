import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureCenterInput } from './fixture-center.ts';

const dir = mkdtempSync(join(tmpdir(), 'shiftcast-staffing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const shiftcast = (args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/shiftcast', 'staffing', ...args], { encoding: 'utf8', env: { ...process.env, SHIFTCAST_LOG: 'silent' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const center = file('center.json', JSON.stringify(fixtureCenterInput()));
const forecast = file(
  'forecast.csv',
  [
    'queue,interval_start,offered,aht_seconds,lower,upper,model',
    // Local times in the center's zone (Asia/Shanghai). 100 calls / 30 min / AHT 180 → 14 (published example).
    'sales,2026-12-01T10:00,100,180,90,110,test',
    'sales,2026-12-01T10:30,0,180,0,0,test',
    'tsr,2026-12-01T10:00,70,,70,70,test',
  ].join('\n'),
);

describe('shiftcast staffing', () => {
  it('writes the Requirements CSV and prints a per-queue summary (and the month plan with --month)', () => {
    const out = join(dir, 'req.csv');
    const plan = join(dir, 'plan.json');
    const r = shiftcast(['--forecast', forecast, '--center', center, '--out', out, '--month', '2026-12', '--plan', plan]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      'queue,interval_start,required\nsales,2026-12-01T10:00:00+08:00,14\nsales,2026-12-01T10:30:00+08:00,0\ntsr,2026-12-01T10:00:00+08:00,10\n',
    );
    expect(r.out).toMatch(/^sales\s+erlang-c\s+2\s+100\s+7\.0\s+14\s+2026-12-01T10:00:00\+08:00\s+88\.8%/m);
    expect(r.out).toMatch(/^tsr\s+outbound\s+1\s+70\s+5\.0\s+10\b.*14\.00$/m);
    expect(r.out).toMatch(/headcount plan 2026-12/);
    expect(JSON.parse(readFileSync(plan, 'utf8')).queues).toHaveLength(3);
  });

  it('exits 2 on a bad or missing flag', () => {
    const bad = shiftcast(['--forecast', forecast, '--center', center, '--out', join(dir, 'x.csv'), '--speed', 'fast']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/shiftcast staffing: Unknown option '--speed'/);
    const missing = shiftcast(['--forecast', forecast, '--center', center]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--out is required/);
  });

  it('exits 1 with the file and row on bad input', () => {
    const badForecast = file('bad.csv', 'queue,interval_start,offered,aht_seconds\nsales,2026-12-01T10:00,5,180\nnope,2026-12-01T10:00,5,180\n');
    const r = shiftcast(['--forecast', badForecast, '--center', center, '--out', join(dir, 'y.csv')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${badForecast} row 2 (queue): queue "nope" is not in the center`);
  });
});

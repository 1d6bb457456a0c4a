import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'shiftcast-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function shiftcast(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/shiftcast', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', SHIFTCAST_DATA_DIR: join(dir, 'data'), SHIFTCAST_LOG: 'silent', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('shiftcast CLI', () => {
  it('lists its commands and exits 2 without one', () => {
    const r = shiftcast([]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/import traffic/);
  });

  it('exits 2 with a one-line reason on an unknown command or flag', () => {
    const unknown = shiftcast(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
    const flag = shiftcast(['serve', '--colour', 'blue']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/shiftcast serve: Unknown option '--colour'/);
  });

  it('prints --help for each foundation command', () => {
    for (const c of [['serve'], ['worker'], ['migrate'], ['import', 'traffic'], ['token']]) {
      const r = shiftcast([...c, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^usage: shiftcast /);
    }
  });

  it('imports traffic into the embedded store, all or nothing, and re-imports as updates', () => {
    const center = join(dir, 'center.json');
    writeFileSync(center, JSON.stringify({
      id: 'mini', name: 'mini', timezone: 'Asia/Shanghai', open: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }],
      queues: [{ id: 'csr', kind: 'inbound' }], shiftTemplates: [{ id: 'D', start: '08:00', minutes: 540 }],
    }));
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'interval_start,offered\n2026-11-02T08:00,4\n2026-11-02T08:15,6\n');
    const first = shiftcast(['import', 'traffic', good, '--center', 'mini', '--queue', 'csr', '--center-file', center]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/imported 2 rows \(2 new, 0 updated\) into mini: queues csr, 15-minute intervals/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'interval_start,offered\n2026-11-02T08:30,4\n2026-11-02T08:45,x\n');
    const refused = shiftcast(['import', 'traffic', bad, '--center', 'mini', '--queue', 'csr']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${bad}:3:offered`);
    const again = shiftcast(['import', 'traffic', good, '--center', 'mini', '--queue', 'csr']);
    expect(again.out).toMatch(/imported 2 rows \(0 new, 2 updated\)/);
  });

  it('refuses a second process on the same embedded data directory', async () => {
    const { openDb } = await import('../../src/db/open-db.ts');
    const db = await openDb({ url: '', dataDir: join(dir, 'locked') });
    try {
      const r = shiftcast(['migrate'], { SHIFTCAST_DATA_DIR: join(dir, 'locked') });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/is in use by process \d+/);
    } finally {
      await db.close();
    }
  });
});

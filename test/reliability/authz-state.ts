/**
 * A fingerprint of everything stored: per table, its row count and a hash of its rows. Two equal fingerprints
 * mean refused requests changed nothing, whatever table a hole would have written to.
 */
import type { Db } from '../../src/db/db.ts';

export type Fingerprint = Record<string, string>;

export async function fingerprint(db: Db): Promise<Fingerprint> {
  const tables = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const out: Fingerprint = {};
  for (const { name } of tables.rows) {
    const r = await db.query<{ n: number; h: string }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t`);
    out[name] = `${r.rows[0].n}:${r.rows[0].h}`;
  }
  return out;
}

/** Tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}

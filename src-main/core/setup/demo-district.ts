import type { Database } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { DomainError } from '../errors';

/** Parents before children, so every foreign key finds its row. Users, settings and the log stay the branch's own. */
export const demoTables = [
  'settlements',
  'streets',
  'houses',
  'sections',
  'employees',
  'routes',
  'accounts',
  'metering_points',
  'meters',
  'readings',
  'bills',
  'payments',
] as const;

/**
 * The demo district, copied from the database file built with the app (by the seed tool, which the
 * app itself never runs) into an empty one. Only an explicit choice on first start calls this.
 */
export function demoDistrict(db: Db) {
  const accounts = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts');
  const columns = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid');
  const counts = db.prepare<[], { accounts: number; points: number; routes: number }>(
    `SELECT (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM metering_points) AS points,
       (SELECT count(*) FROM routes) AS routes`,
  );
  return (source: Database) => {
    const present = accounts.get()!.n;
    if (present > 0) throw new DomainError('demo.notEmpty', { accounts: present });
    for (const table of demoTables) {
      // Identifiers come from the list above and the schema itself; every value is bound.
      const names = columns.all(table).map((column) => column.name);
      const insert = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`);
      for (const row of source.prepare<[], Record<string, unknown>>(`SELECT ${names.join(', ')} FROM ${table}`).iterate()) insert.run(row);
    }
    return counts.get()!;
  };
}

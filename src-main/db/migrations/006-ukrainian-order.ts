import type { Database } from 'better-sqlite3';
import { addressNumberKey } from '../../core/addresses/house-number';
import { ukSortKey } from '../../core/collation/uk-sort-key';
import type { Migration } from './migration';

/**
 * Every list sorted by name follows the Ukrainian alphabet (Intl.Collator('uk')), not character
 * codes, which put Є, І, Ї first and Ґ last. SQLite cannot be given that collation through
 * better-sqlite3, so each name gets a stored key whose binary order is the alphabet's
 * (core/collation/uk-sort-key.ts), and the lists order by the key, through an index where it pays.
 * House numbers are re-keyed so their letters go by the alphabet too, and apartments get a key so
 * that 2а follows 2 and 10 follows 9.
 */
const keyed = [
  { table: 'settlements', source: 'name', key: 'name_key', of: ukSortKey },
  { table: 'streets', source: 'name', key: 'name_key', of: ukSortKey },
  { table: 'sections', source: 'name', key: 'name_key', of: ukSortKey },
  { table: 'employees', source: 'full_name', key: 'name_key', of: ukSortKey },
  { table: 'accounts', source: 'full_name', key: 'name_key', of: ukSortKey },
  { table: 'metering_points', source: 'apartment', key: 'apartment_key', of: addressNumberKey },
  // An old row whose number the form would refuse sorts after the numbers instead of failing the upgrade.
  { table: 'houses', source: 'number', key: 'sort_key', of: addressNumberKey },
] as const;

/** Row by row in JS: the key is not something SQL can compute. Identifiers come from the list above. */
function fill(db: Database, { table, source, key, of }: (typeof keyed)[number]) {
  const rows = db.prepare<[], { id: number; value: string }>(`SELECT id, ${source} AS value FROM ${table}`).all();
  const update = db.prepare<[string, number]>(`UPDATE ${table} SET ${key} = ? WHERE id = ?`);
  for (const row of rows) update.run(of(row.value), row.id);
}

export const ukrainianOrder: Migration = {
  version: 6,
  name: 'ukrainian-order',
  up: (db) => {
    db.exec(`
ALTER TABLE settlements ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE streets ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE sections ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE employees ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE metering_points ADD COLUMN apartment_key TEXT NOT NULL DEFAULT '';
DROP INDEX accounts_by_name;
`);
    // Keys first, indexes after: one build of each index instead of an update per row.
    for (const column of keyed) fill(db, column);
    db.exec(`
CREATE INDEX accounts_by_name ON accounts(name_key);
CREATE INDEX settlements_by_name ON settlements(name_key);
CREATE INDEX streets_by_name ON streets(settlement_id, name_key, kind);
CREATE INDEX sections_by_name ON sections(name_key);
CREATE INDEX employees_by_name ON employees(active DESC, name_key);
`);
  },
};

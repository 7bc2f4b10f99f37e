import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { localToday } from '../../shared/dates';
import { migrate } from '../db/migrations/index';
import { assertSupportedNode } from '../db/node-version';
import { seedDistrict, type SeedOptions, type SeedSummary } from './generate';

/**
 * Builds the district in a side file with durability off (it is thrown away if anything fails),
 * then moves it into place, so a half-made demo database is never opened as a real one. Without
 * `asOf` the district is built for today as this computer's calendar shows it, not UTC's date.
 */
export function createSeededDatabase(
  file: string,
  { asOf = localToday(), ...options }: Omit<SeedOptions, 'asOf'> & { asOf?: string },
): SeedSummary {
  assertSupportedNode();
  if (existsSync(file)) throw new Error(`Файл ${file} вже існує — оберіть інший. File already exists.`);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(partial);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const summary = seedDistrict(db, { ...options, asOf });
    db.exec('ANALYZE');
    db.close();
    renameSync(partial, file);
    return summary;
  } catch (error) {
    if (db.open) db.close();
    rmSync(partial, { force: true });
    throw error;
  }
}

export const demoDefaults = { accounts: 5000, seed: 2026, commodity: 'electricity' as const };

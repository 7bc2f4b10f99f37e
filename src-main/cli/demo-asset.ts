import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { latestVersion } from '../db/migrations/index';
import { createSeededDatabase } from '../seed/create-database';
import { localDay } from '../../shared/dates';

/**
 * Builds the demo district the app offers on first start (build/demo/demo-district.sqlite), once:
 * the seed generator runs here, at build time, and the app only copies from the file. A file left
 * by a build with an older schema lacks the newer columns the copy takes, and one built on another
 * day holds readings and tasks dated for that day, so either is built again.
 */
const file = resolve(__dirname, '..', 'demo', 'demo-district.sqlite');
const schemaOf = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};
if (existsSync(file) && (schemaOf(file) !== latestVersion() || localDay(statSync(file).mtime) !== localDay(new Date()))) rmSync(file);
if (!existsSync(file)) {
  createSeededDatabase(file, { accounts: 1000, seed: 2026, commodity: 'electricity' });
  console.log(`demo district: ${file}`);
}

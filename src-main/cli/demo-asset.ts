import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { latestVersion } from '../db/migrations/index';
import { createSeededDatabase, todayIso } from '../seed/create-database';

/**
 * Builds the demo district the app offers on first start (build/demo/demo-district.sqlite), once:
 * the seed generator runs here, at build time, and the app only copies from the file. A file left
 * by a build with an older schema lacks the newer columns the copy takes, so it is built again.
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
if (existsSync(file) && schemaOf(file) !== latestVersion()) rmSync(file);
if (!existsSync(file)) {
  createSeededDatabase(file, { accounts: 1000, seed: 2026, asOf: todayIso(), commodity: 'electricity' });
  console.log(`demo district: ${file}`);
}

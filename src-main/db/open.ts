import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations/index';
import { assertSupportedNode } from './node-version';

export type Db = Database.Database;

/**
 * WAL for readers beside the writer; synchronous=FULL because a confirmed reading must survive a
 * power cut, not merely a process crash.
 */
export function openDatabase(file: string): Db {
  assertSupportedNode();
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  registerFunctions(db);
  migrate(db);
  return db;
}

/** SQLite's lower() folds ASCII only; searches over Ukrainian names need the whole alphabet. */
export function registerFunctions(db: Db): void {
  db.function('ufold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLocaleLowerCase('uk') : value));
}

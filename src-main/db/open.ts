import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newBackupPath } from './backups';
import { walPagesBeforeForcedCheckpoint } from './idle-checkpoint';
import { migrate, type MigrateOptions } from './migrations/index';
import { assertSupportedNode } from './node-version';

export type Db = Database.Database;

export interface OpenOptions {
  /** Where the copy made before an upgrade goes; by default the `backups` folder beside the database. */
  backupsDir?: string;
  log?: (line: string) => void;
  migrations?: MigrateOptions['migrations'];
}

/**
 * WAL for readers beside the writer; synchronous=FULL because a confirmed reading must survive a
 * power cut, not merely a process crash. The schema is brought up to date on opening.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  assertSupportedNode();
  const onDisk = file !== ':memory:';
  if (onDisk) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Checkpoints run when the workstation idles (idle-checkpoint.ts); this is only the backstop.
    db.pragma(`wal_autocheckpoint = ${walPagesBeforeForcedCheckpoint}`);
    registerFunctions(db);
    const backupsDir = options.backupsDir ?? join(dirname(file), 'backups');
    migrate(db, {
      ...(options.log ? { log: options.log } : {}),
      ...(options.migrations ? { migrations: options.migrations } : {}),
      // VACUUM INTO writes a consistent, compact copy synchronously, WAL and all, before anything changes.
      ...(onDisk ? { copyBefore: () => copyBeforeUpgrade(db, backupsDir) } : {}),
    });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The copy keeps the old schema number, so restoring it later upgrades it again. */
function copyBeforeUpgrade(db: Db, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = newBackupPath(dir, 'upgrade');
  db.prepare('VACUUM INTO ?').run(file);
  return file;
}

/** SQLite's lower() folds ASCII only; searches over Ukrainian names need the whole alphabet. */
export function registerFunctions(db: Db): void {
  db.function('ufold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLocaleLowerCase('uk') : value));
}

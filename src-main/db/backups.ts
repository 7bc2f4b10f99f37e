import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Db } from './open';

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
  schema: number;
  counts: { accounts: number; points: number; readings: number; tasks: number };
}

export const backupReasons = ['start', 'close', 'manual', 'upgrade'] as const;
export type BackupReason = (typeof backupReasons)[number];
const pattern = /^obhid-\d{8}-\d{6}-\d{3}-(start|close|manual|upgrade)\.sqlite$/;
/** Only the copies made at every start and close are rotated; a manual or pre-upgrade copy is kept until removed by hand. */
const rotated = /-(start|close)\.sqlite$/;

/** obhid-20261122-213000-123-start.sqlite: sorts by time, says why it was made. */
export function backupName(reason: BackupReason, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19);
  return `obhid-${stamp}-${reason}.sqlite`;
}

/** A new copy never lands on an existing one, however quickly two are made. */
export function newBackupPath(dir: string, reason: BackupReason): string {
  let at = Date.now();
  while (existsSync(join(dir, backupName(reason, new Date(at))))) at++;
  return join(dir, backupName(reason, new Date(at)));
}

/** SQLite's online backup: a consistent copy while the workstation keeps working. */
export async function backupTo(db: Db, file: string): Promise<void> {
  await db.backup(file);
}

/** The automatic copies, newest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

/**
 * Keeps the newest `keep` copies made at start and close and removes the older ones — off the main
 * thread: freeing a copy of a large district (a gigabyte) kept the thread every request waits behind.
 */
export async function rotateBackups(dir: string, keep: number): Promise<string[]> {
  const stale = listBackups(dir)
    .filter((file) => rotated.test(file))
    .slice(Math.max(1, keep));
  await Promise.all(stale.map((file) => rm(file, { force: true })));
  return stale;
}

/** Writes a copy of the database file `source` to `target`. */
export type CopyDatabase = (source: string, target: string) => Promise<void>;

/**
 * A consistent copy through a read-only connection of its own, in one backup step: one read
 * transaction holds one snapshot for the whole copy, so the workstation's writer carries on (WAL)
 * and the copy never restarts, however often an operator saves meanwhile. Stepping page by page
 * instead, the copy would start over after every save made through another connection. Written
 * under a name the copies' listing skips, and renamed once whole, so a copy cut short is never offered.
 */
export async function copyConsistently(source: string, target: string): Promise<void> {
  const partial = `${target}.partial`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // better-sqlite3 opens with an empty step, then takes what the progress callback asks for: every page.
    await db.backup(partial, { progress: () => 0x7fffffff });
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/**
 * The database's files as they stand: size and modification time of the file and of its WAL. A
 * committed write appends to the WAL, a checkpoint writes the file, so every change moves one of
 * them, whoever made it (the app, a migration, a restore, a tool). An empty WAL holds nothing and
 * is created afresh at every open, so it counts as none.
 */
export function fileState(dbFile: string): string {
  const of = (file: string) => {
    try {
      const stat = statSync(file, { bigint: true });
      return stat.size === 0n ? '-' : `${stat.size}@${stat.mtimeNs}`;
    } catch {
      return '-';
    }
  };
  return `${of(dbFile)} ${of(`${dbFile}-wal`)}`;
}

/** The newest automatic copy and the state of the database's files it was taken from. */
interface LastCopy {
  copy: string;
  state: string;
}
const lastCopyFile = (dir: string) => join(dir, 'last-copy.json');

function lastCopy(dir: string): LastCopy | null {
  try {
    const record = JSON.parse(readFileSync(lastCopyFile(dir), 'utf8')) as Partial<LastCopy>;
    return typeof record.copy === 'string' && typeof record.state === 'string' ? { copy: record.copy, state: record.state } : null;
  } catch {
    return null;
  }
}

/** Replaced whole (a rename), so a power cut leaves the old record or the new one, never half of one. */
function recordCopy(dir: string, record: LastCopy): void {
  writeFileSync(`${lastCopyFile(dir)}.tmp`, JSON.stringify(record));
  renameSync(`${lastCopyFile(dir)}.tmp`, lastCopyFile(dir));
}

const copyHolds = (dir: string, state: string) => {
  const record = lastCopy(dir);
  return record !== null && record.state === state && existsSync(join(dir, record.copy));
};

/** Nothing written to the database since its newest automatic copy was taken, and that copy is still there. */
export const unchangedSinceCopy = (dir: string, dbFile: string): boolean => copyHolds(dir, fileState(dbFile));

/**
 * After closing a database that was unchanged since its copy: the closing checkpoint moved its
 * frames from the WAL into the file, which changes the files but not what they hold, so the
 * record follows the files and the next start sees nothing new.
 */
export function restateAfterClose(dir: string, dbFile: string): void {
  const record = lastCopy(dir);
  if (record) recordCopy(dir, { ...record, state: fileState(dbFile) });
}

/**
 * The copy made at start and close, skipped (null) when nothing was written since the last one:
 * a start after a close that changed nothing would only rotate a good copy out for a duplicate.
 * The files' state is read before copying, so a save made while the copy runs makes the next one run.
 */
export async function autoBackup(
  db: Db,
  dir: string,
  reason: 'start' | 'close',
  keep: number,
  copy: CopyDatabase = (_source, target) => backupTo(db, target),
): Promise<string | null> {
  mkdirSync(dir, { recursive: true });
  const state = fileState(db.name);
  if (copyHolds(dir, state)) return null;
  const file = newBackupPath(dir, reason);
  await copy(db.name, file);
  recordCopy(dir, { copy: basename(file), state });
  await rotateBackups(dir, keep);
  return file;
}

/** 'ok', or what SQLite found wrong; a file that is not a database at all is not ok either. */
export function integrityOf(file: string): string {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return String(db.pragma('integrity_check', { simple: true }));
    } finally {
      db.close();
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** What a restore would bring back: its date and how much is in it. */
export function inspectBackup(file: string): BackupInfo {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((t) => t.name),
    );
    const stat = statSync(file);
    return {
      file,
      createdAt: stat.mtime.toISOString(),
      bytes: stat.size,
      schema: db.pragma('user_version', { simple: true }) as number,
      counts: {
        accounts: count('accounts'),
        points: count('metering_points'),
        readings: count('readings'),
        tasks: tables.has('walk_tasks') ? count('walk_tasks') : 0,
      },
    };
  } finally {
    db.close();
  }
}

/** The newest automatic copy that passes integrity_check, for a database that does not. */
export function newestGoodBackup(dir: string): BackupInfo | null {
  const good = listBackups(dir).find((file) => integrityOf(file) === 'ok');
  return good ? inspectBackup(good) : null;
}

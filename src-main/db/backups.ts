import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/** Keeps the newest `keep` copies made at start and close and removes the older ones. */
export function rotateBackups(dir: string, keep: number): string[] {
  const stale = listBackups(dir)
    .filter((file) => rotated.test(file))
    .slice(Math.max(1, keep));
  for (const file of stale) rmSync(file, { force: true });
  return stale;
}

export async function autoBackup(db: Db, dir: string, reason: 'start' | 'close', keep: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = newBackupPath(dir, reason);
  await backupTo(db, file);
  rotateBackups(dir, keep);
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

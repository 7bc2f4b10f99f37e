import Database from 'better-sqlite3';
import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupPreview, BackupRow } from '../../../shared/contract/backups';
import { DomainError } from '../../core/errors';
import {
  autoBackup,
  backupReasons,
  inspectBackup,
  integrityOf,
  listBackups,
  newBackupPath,
  restateAfterClose,
  unchangedSinceCopy,
  type CopyDatabase,
} from '../../db/backups';
import { latestVersion } from '../../db/migrations/index';
import { mirrorPhotos, restorePhotos } from '../../db/photo-backups';
import type { HostEntries } from '../host-channels';
import type { HostLog } from '../logging';
import type { Session } from './session';

type BackupEntries = Pick<HostEntries, 'backups.status' | 'backups.inspect' | 'backups.create' | 'backups.restore'>;

/** integrity_check reads the whole file (minutes on a large district), so by default it runs in a worker beside the app. */
const integrityInWorker = (file: string) =>
  new Promise<string>((resolve) => {
    const worker = new Worker(join(__dirname, 'integrity-worker.cjs'), { workerData: { file } });
    worker.once('message', (result: string) => resolve(result));
    worker.once('error', (error) => resolve(error.message));
  });

/**
 * A copy of the whole file reads and writes every page and ends with an fsync of the copy. Stepped
 * on the main thread it kept that thread busy for the whole copy (3–4 s of a 50k-account district,
 * in holds of up to 0.3 s that every request waited behind), so by default it runs in a worker,
 * through a connection of its own. Given the backups folder, the worker then tops up the mirror of
 * the photos there too: a district's photos run to tens of thousands of files.
 */
export const copyInWorker = (source: string, target: string, photosMirroredIn: string | null = null) =>
  new Promise<void>((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'backup-worker.cjs'), { workerData: { source, target, photosMirroredIn } });
    let answered = false;
    worker.once('message', (error: string | null) => {
      answered = true;
      if (error === null) resolve();
      else reject(new Error(error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the backup worker stopped (${code}) before the copy was written`));
    });
  });

const reasonOf = (file: string) => backupReasons.find((reason) => file.endsWith(`-${reason}.sqlite`)) ?? 'manual';
const row = (file: string): BackupRow => ({
  file,
  createdAt: statSync(file).mtime.toISOString(),
  bytes: statSync(file).size,
  reason: reasonOf(file),
});

/**
 * Сервіс / Резервні копії: a copy at every start and close (rotated; skipped when nothing was
 * written since the last one) written beside the app, integrity_check beside the app at start,
 * manual copies, and restoring a copy in place of the open database.
 */
export function workstationBackups(
  session: Session,
  options: {
    backupsDir: string;
    log: HostLog;
    checkIntegrity?: (file: string) => Promise<string>;
    copyDatabase?: CopyDatabase;
  },
) {
  const { backupsDir, log } = options;
  const { copyDatabase } = options;
  // Every copy of the database tops up the mirror of the photos its rows name.
  const copy: CopyDatabase = copyDatabase
    ? async (source, target) => {
        await copyDatabase(source, target);
        await mirrorPhotos(source, backupsDir);
      }
    : (source, target) => copyInWorker(source, target, backupsDir);
  // 'checking' until the worker answers, 'ok', or what is wrong — for a file that could not even be opened, why not.
  const trouble = session.trouble();
  let integrity = trouble?.kind === 'damaged' ? trouble.detail : 'checking';
  const keep = () =>
    Number(session.core()?.db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'backup.keep'").get()?.value) || 10;
  const healthy = () => session.core() !== null && (integrity === 'ok' || integrity === 'checking');

  const opened = session.core();
  if (opened) {
    void (options.checkIntegrity ?? integrityInWorker)(session.dbFile).then((result) => {
      integrity = result;
      if (result !== 'ok') log.info(`integrity_check: ${result}`);
    });
  }
  /** Settles once the start-up copy is written, skipped as unchanged, or has failed and been logged. */
  const started = opened
    ? autoBackup(opened.db, backupsDir, 'start', keep(), copy).then(
        (file) => {
          if (file === null) log.info('backup at start skipped: nothing written since the last copy');
        },
        (error: unknown) => log.info(`backup at start failed: ${String(error)}`),
      )
    : Promise.resolve();

  const preview = (file: string): BackupPreview => {
    const result = integrityOf(file);
    if (result !== 'ok') throw new DomainError('backup.notADatabase', { file: basename(file), detail: result.slice(0, 200) });
    const info = inspectBackup(file);
    if (info.schema > latestVersion()) throw new DomainError('backup.tooNew', { schema: info.schema });
    return { ...info, integrity: result };
  };

  const entries: BackupEntries = {
    'backups.status': () =>
      Promise.resolve({
        dataFile: session.dbFile,
        backupsDir,
        integrity,
        backups: listBackups(backupsDir).map(row),
      }),
    'backups.inspect': ({ file }) => Promise.resolve(preview(file)),
    'backups.create': {
      audit: { entity: 'backup', id: () => null },
      run: async ({ file }) => {
        const db = session.core()?.db;
        if (!db) throw new DomainError('db.damaged', { detail: '' });
        const target = file ?? newBackupPath(backupsDir, 'manual');
        await copy(db.name, target);
        return () => row(target);
      },
    },
    'backups.restore': {
      audit: {
        entity: 'database.restore',
        action: 'change',
        id: () => null,
        after: ({ file }, { restored, safetyCopy }) => ({ file, createdAt: restored.createdAt, safetyCopy }),
      },
      run: async ({ file }, { user }) => {
        const restored = preview(file);
        // The start copy reads the file through a connection of its own: it finishes before the file is replaced.
        await started;
        const whoWasIn = session.core()?.signedIn() ?? null;
        // The database being replaced is kept too, unless it is the damaged one being repaired.
        const safetyCopy = healthy() ? newBackupPath(backupsDir, 'manual') : null;
        const current = session.core()?.db;
        if (current && safetyCopy) await copy(current.name, safetyCopy);
        const wasHealthy = healthy();
        session.close();
        if (!wasHealthy) {
          // A damaged file is moved aside, not overwritten: it may still be wanted for a post-mortem.
          renameSync(session.dbFile, `${session.dbFile}.damaged-${Date.now()}`);
          for (const suffix of ['-wal', '-shm']) rmSync(session.dbFile + suffix, { force: true });
        }
        // Through SQLite's backup API rather than a file copy: the WAL and any reader stay consistent.
        const source = new Database(file, { readonly: true, fileMustExist: true });
        try {
          await source.backup(session.dbFile);
        } finally {
          source.close();
        }
        await restorePhotos(backupsDir, session.dbFile);
        session.reopen(whoWasIn);
        integrity = integrityOf(session.dbFile);
        log.info(`restored ${file} (by ${user})`);
        return () => ({ restored, safetyCopy });
      },
    },
  };

  return {
    entries,
    started,
    /**
     * The closing copy, written before the process goes (skipped when nothing was written since the
     * last); a damaged database is not copied over good ones.
     */
    close: async () => {
      await started;
      const db = session.core()?.db;
      if (db && healthy()) {
        await autoBackup(db, backupsDir, 'close', keep(), copy).then(
          (file) => {
            if (file === null) log.info('backup at close skipped: nothing written since the last copy');
          },
          (error: unknown) => log.info(`backup at close failed: ${String(error)}`),
        );
      }
      const copyIsCurrent = db !== undefined && healthy() && unchangedSinceCopy(backupsDir, session.dbFile);
      session.close();
      if (copyIsCurrent) restateAfterClose(backupsDir, session.dbFile);
    },
  };
}

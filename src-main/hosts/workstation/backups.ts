import Database from 'better-sqlite3';
import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupPreview, BackupRow } from '../../../shared/contract/backups';
import { DomainError } from '../../core/errors';
import { autoBackup, backupReasons, backupTo, inspectBackup, integrityOf, listBackups, newBackupPath } from '../../db/backups';
import { latestVersion } from '../../db/migrations/index';
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

const reasonOf = (file: string) => backupReasons.find((reason) => file.endsWith(`-${reason}.sqlite`)) ?? 'manual';
const row = (file: string): BackupRow => ({
  file,
  createdAt: statSync(file).mtime.toISOString(),
  bytes: statSync(file).size,
  reason: reasonOf(file),
});

/**
 * Сервіс / Резервні копії: a copy at every start and close (rotated), integrity_check beside the
 * app at start, manual copies, and restoring a copy in place of the open database.
 */
export function workstationBackups(
  session: Session,
  options: { backupsDir: string; log: HostLog; checkIntegrity?: (file: string) => Promise<string> },
) {
  const { backupsDir, log } = options;
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
  /** Settles once the start-up copy is written (or has failed and been logged). */
  const started = opened
    ? autoBackup(opened.db, backupsDir, 'start', keep()).then(
        () => undefined,
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
        await backupTo(db, target);
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
        const whoWasIn = session.core()?.signedIn() ?? null;
        // The database being replaced is kept too, unless it is the damaged one being repaired.
        const safetyCopy = healthy() ? newBackupPath(backupsDir, 'manual') : null;
        const current = session.core()?.db;
        if (current && safetyCopy) await backupTo(current, safetyCopy);
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
    /** The closing copy, written before the process goes; a damaged database is not copied over good ones. */
    close: async () => {
      await started;
      const db = session.core()?.db;
      if (db && healthy()) {
        await autoBackup(db, backupsDir, 'close', keep()).catch((error: unknown) => log.info(`backup at close failed: ${String(error)}`));
      }
      session.close();
    },
  };
}

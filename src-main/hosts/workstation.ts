import Database from 'better-sqlite3';
import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AuthStatus, SignedIn } from '../../shared/contract/auth';
import type { BackupPreview, BackupRow } from '../../shared/contract/backups';
import type { Envelope } from '../../shared/contract/envelope';
import type { ExportedReading, ImportResult } from '../../shared/contract/exchange';
import { readingsCsv, readingsXlsx } from '../exchange/readings-file';
import { readTable, suggestMapping } from '../exchange/table-file';
import { createCore } from '../core/app';
import { DomainError } from '../core/errors';
import type { Registry } from '../core/registry';
import { autoBackup, backupTo, inspectBackup, integrityOf, listBackups, newBackupPath } from '../db/backups';
import { DatabaseTooNewError, latestVersion } from '../db/migrations/index';
import { errorMessage } from '../../shared/i18n/errors';
import { asLocale } from '../../shared/i18n/locales';
import type { Db } from '../db/open';
import { createHostDispatch, loadSheet, sheetPdfHandler, type Dispatch, type HostHandlers } from './host-channels';
import { openOrCreateDemo } from './open-or-create';

export interface WorkstationOptions {
  dbFile: string;
  version: string;
  log: (line: string) => void;
  toPdf: (html: string) => Promise<Buffer>;
  /** The host's own print dialog; without one the page prints its preview. */
  print?: (html: string) => Promise<unknown>;
  /** Defaults to a worker thread running integrity_check beside the app. */
  checkIntegrity?: (file: string) => Promise<string>;
}

export interface Workstation {
  dispatch: Dispatch;
  /** Settles once the start-up backup is written (or has failed and been logged). */
  started: Promise<void>;
  close: () => Promise<void>;
}

const integrityInWorker = (file: string) =>
  new Promise<string>((resolve) => {
    const worker = new Worker(join(__dirname, 'integrity-worker.cjs'), { workerData: { file } });
    worker.once('message', (result: string) => resolve(result));
    worker.once('error', (error) => resolve(error.message));
  });

const reasonOf = (file: string) => /-(start|close|manual)\.sqlite$/.exec(file)?.[1] ?? 'manual';

/**
 * One open database with everything a host does around it: the core, the start and close
 * backups, the integrity check at start, and restoring a backup in its place.
 */
/** Channels a damaged database still answers: enough to say so and to put a backup in its place. */
const recoveryChannels = new Set(['auth.status', 'backups.status', 'backups.inspect', 'backups.restore']);

export function openWorkstation(options: WorkstationOptions): Workstation {
  const { dbFile, log } = options;
  const backupsDir = join(dirname(dbFile), 'backups');
  const open = (signedIn?: SignedIn) => {
    const db = openOrCreateDemo(dbFile, log);
    return { db, core: createCore(db, { version: options.version, ...(signedIn ? { signedIn } : {}) }) };
  };
  // A file SQLite cannot open is not a reason to crash at every start: the workstation opens in
  // recovery, where the only thing to do is restore a backup.
  let opened: { db: Db; core: Registry } | null = null;
  let integrity = 'checking';
  try {
    opened = open();
  } catch (error) {
    if (error instanceof DatabaseTooNewError) throw error;
    integrity = error instanceof Error ? error.message : String(error);
    log(`the database cannot be opened: ${integrity}`);
  }
  const keep = () =>
    Number((opened?.db.prepare("SELECT value FROM settings WHERE key = 'backup.keep'").get() as { value: string } | undefined)?.value) ||
    10;

  if (opened) {
    void (options.checkIntegrity ?? integrityInWorker)(dbFile).then((result) => {
      integrity = result;
      if (result !== 'ok') log(`integrity_check: ${result}`);
    });
  }
  const started = opened
    ? autoBackup(opened.db, backupsDir, 'start', keep()).then(
        () => undefined,
        (error: unknown) => log(`backup at start failed: ${String(error)}`),
      )
    : Promise.resolve();
  const healthy = () => integrity === 'ok' || integrity === 'checking';

  const row = (file: string): BackupRow => ({
    file,
    createdAt: statSync(file).mtime.toISOString(),
    bytes: statSync(file).size,
    reason: reasonOf(file),
  });
  const preview = (file: string): BackupPreview => {
    const result = integrityOf(file);
    if (result !== 'ok') throw new DomainError('backup.notADatabase', { file: basename(file), detail: result.slice(0, 200) });
    const info = inspectBackup(file);
    if (info.schema > latestVersion()) throw new DomainError('backup.tooNew', { schema: info.schema });
    return { ...info, integrity: result };
  };

  const damaged = (locale: unknown): Envelope<never> => ({
    ok: false,
    error: { code: 'db.damaged', message: errorMessage('db.damaged', asLocale(locale), { detail: integrity.slice(0, 200) }) },
  });
  // The host keeps one face while a restore swaps the core behind it.
  const core$: Registry = {
    dispatch: (channel, input, locale) => {
      if (opened) return opened.core.dispatch(channel, input, locale);
      if (channel === 'auth.status')
        return { ok: true, value: { needsSetup: false, user: null, locked: false, idleLockMinutes: 0, damaged: integrity } };
      return damaged(locale);
    },
    authorize: (channel, locale) => {
      if (opened) return opened.core.authorize(channel, locale);
      return recoveryChannels.has(channel) ? null : damaged(locale);
    },
  };
  const handlers: Partial<HostHandlers> = {
    'log.rendererError': ({ screen, message, stack }) => {
      log(`renderer error on ${screen}: ${message}\n${stack}`);
      return Promise.resolve({ ok: true, value: { logged: true } });
    },
    'print.sheetPdf': sheetPdfHandler(core$, options.toPdf),
    'print.sheet': async (input, { locale }) => {
      if (!options.print) return { ok: true, value: { printedByHost: false } };
      const sheet = loadSheet(core$, input, locale);
      if (!sheet.ok) return sheet;
      await options.print(sheet.value.html);
      return { ok: true, value: { printedByHost: true } };
    },
    'export.readingsFile': async ({ format, ...filter }, { locale }) => {
      const rows = core$.dispatch('readings.export', filter, locale) as Envelope<ExportedReading[]>;
      if (!rows.ok) return rows;
      const file = format === 'csv' ? readingsCsv(rows.value) : await readingsXlsx(rows.value);
      const fileName = `readings-${filter.dateFrom}-${filter.dateTo}.${format}`;
      return { ok: true, value: { fileName, base64: file.toString('base64'), rows: rows.value.length } };
    },
    'import.preview': async ({ fileName, base64, kind }) => {
      const table = await readTable(fileName, Buffer.from(base64, 'base64'));
      return {
        ok: true,
        value: {
          header: table.header,
          sample: table.rows.slice(0, 5),
          rowCount: table.rows.length,
          mapping: suggestMapping(table.header, kind),
        },
      };
    },
    'import.run': async ({ fileName, base64, kind, mapping }, { locale }) => {
      const table = await readTable(fileName, Buffer.from(base64, 'base64'));
      return core$.dispatch(
        `import.${kind}`,
        { header: table.header, rows: table.rows, mapping, firstLine: 2 },
        locale,
      ) as Envelope<ImportResult>;
    },
    'backups.status': () =>
      Promise.resolve({
        ok: true,
        value: { dataFile: dbFile, backupsDir, integrity, backups: listBackups(backupsDir).map(row) },
      }),
    'backups.inspect': ({ file }) => Promise.resolve({ ok: true, value: preview(file) }),
    'backups.create': async ({ file }, { locale }) => {
      if (!opened) return damaged(locale);
      const target = file ?? newBackupPath(backupsDir, 'manual');
      await backupTo(opened.db, target);
      return { ok: true, value: row(target) };
    },
    'backups.restore': async ({ file }) => {
      const restored = preview(file);
      const status = core$.dispatch('auth.status', {}, 'uk') as Envelope<AuthStatus>;
      const user = status.ok ? status.value.user : null;
      // The database being replaced is kept too, unless it is the damaged one being repaired.
      const safetyCopy = opened && healthy() ? newBackupPath(backupsDir, 'manual') : null;
      if (opened && safetyCopy) await backupTo(opened.db, safetyCopy);
      opened?.db.close();
      opened = null;
      if (!healthy()) {
        // A damaged file is moved aside, not overwritten: it may still be wanted for a post-mortem.
        renameSync(dbFile, `${dbFile}.damaged-${Date.now()}`);
        for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
      }
      // Through SQLite's backup API rather than a file copy: the WAL and any reader stay consistent.
      const source = new Database(file, { readonly: true, fileMustExist: true });
      try {
        await source.backup(dbFile);
      } finally {
        source.close();
      }
      // Whoever restored stays signed in if the restored database knows them as they are.
      const probe = new Database(dbFile, { readonly: true });
      const still = user
        ? probe
            .prepare<[string, string], SignedIn>(
              'SELECT login, full_name AS fullName, role FROM users WHERE login = ? AND role = ? AND active = 1',
            )
            .get(user.login, user.role)
        : undefined;
      probe.close();
      opened = open(still);
      // Written into the restored database's own log, the one that goes on from here.
      opened.db
        .prepare("INSERT INTO audit_log (login, action, entity, old_value, new_value) VALUES (?, 'change', 'database.restore', ?, ?)")
        .run(user?.login ?? 'recovery', JSON.stringify({ safetyCopy }), JSON.stringify({ file, createdAt: restored.createdAt }));
      integrity = integrityOf(dbFile);
      log(`restored ${file}`);
      return { ok: true, value: { restored, safetyCopy } };
    },
  };

  return {
    dispatch: createHostDispatch(core$, handlers),
    started,
    async close() {
      await started;
      if (opened && healthy()) {
        await autoBackup(opened.db, backupsDir, 'close', keep()).catch((error: unknown) => log(`backup at close failed: ${String(error)}`));
      }
      opened?.db.close();
    },
  };
}

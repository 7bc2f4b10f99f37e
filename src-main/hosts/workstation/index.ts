import { dirname, join } from 'node:path';
import type { CopyDatabase } from '../../db/backups';
import { serveHostChannels, type Dispatch } from '../host-channels';
import type { HostLog } from '../logging';
import { workstationBackups } from './backups';
import { workstationDiagnostics } from './diagnostics';
import { workstationExchange } from './exchange';
import { workstationField, type FieldHostOptions } from './field';
import { workstationPrinting, type PrintEngine } from './printing';
import { workstationDisconnectionPapers } from './disconnection-papers';
import { answerInRecovery } from './recovery';
import { openSession } from './session';
import { workstationSetup } from './setup';

export interface WorkstationOptions extends PrintEngine {
  dbFile: string;
  version: string;
  log: HostLog;
  /** The demo district built with the app, offered on first start. */
  demoFile: string;
  /** Defaults to a worker thread running integrity_check beside the app. */
  checkIntegrity?: (file: string) => Promise<string>;
  /** Defaults to a worker thread writing the copies at start and close beside the app. */
  copyDatabase?: CopyDatabase;
  /** Milliseconds now, for the idle lock; tests move it. */
  now?: () => number;
  /** The field service for controllers' phones: where the phone app is, the address to bind (tests: 127.0.0.1). */
  field?: FieldHostOptions;
}

export interface Workstation {
  dispatch: Dispatch;
  /** Settles once the start-up backup is written, skipped as unchanged, or has failed and been logged. */
  started: Promise<void>;
  /** Settles once the field listener is as the database's settings say (running, or failed and logged). */
  fieldSettled: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * One database file with everything a host does around it (Electron and browser mode alike): the
 * session and its core, backups and recovery, printing, files in and out, the first start, and
 * the field service's listener for controllers' phones.
 */
export function openWorkstation(options: WorkstationOptions): Workstation {
  const { dbFile, log } = options;
  const backupsDir = join(dirname(dbFile), 'backups');
  const session = openSession({ dbFile, backupsDir, version: options.version, log, ...(options.now ? { now: options.now } : {}) });
  const backups = workstationBackups(session, {
    backupsDir,
    log,
    ...(options.checkIntegrity ? { checkIntegrity: options.checkIntegrity } : {}),
    ...(options.copyDatabase ? { copyDatabase: options.copyDatabase } : {}),
  });
  const field = workstationField(session, { ...options.field, log });
  const dispatch = serveHostChannels(
    {
      ...backups.entries,
      ...workstationPrinting(session, options),
      ...workstationDisconnectionPapers(session, options),
      ...workstationExchange(session),
      ...workstationSetup(session, options.demoFile),
      ...workstationDiagnostics(log),
      ...field.entries,
    },
    { log, current: session.core, withoutCore: (channel, locale) => answerInRecovery(session.trouble(), channel, locale) },
  );
  return {
    dispatch,
    started: backups.started,
    fieldSettled: field.settled,
    // The phones are let go before the database closes behind them.
    close: async () => {
      await field.close();
      await backups.close();
    },
  };
}

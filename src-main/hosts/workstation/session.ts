import Database from 'better-sqlite3';
import type { SignedIn } from '../../../shared/contract/auth';
import { createCore, type Core } from '../../core/app';
import { openDatabase } from '../../db/open';
import { DatabaseTooNewError } from '../../db/migrations/index';
import { DomainError } from '../../core/errors';
import type { HostLog } from '../logging';
import { troubleOf, type Trouble } from './recovery';

export interface SessionOptions {
  dbFile: string;
  backupsDir: string;
  version: string;
  log: HostLog;
  /** Milliseconds now, for the idle lock; tests move it. */
  now?: () => number;
}

/**
 * The database the workstation has open and the core serving it. A new file is an empty database
 * (the first start asks for the administrator); one that cannot be opened or upgraded leaves the
 * session without a core, in recovery, instead of crashing at every start.
 */
export function openSession(options: SessionOptions) {
  const { dbFile, log } = options;
  let core: Core | null = null;
  let trouble: Trouble | null = null;
  const reopened: (() => void)[] = [];

  const open = (signedIn?: SignedIn) => {
    try {
      const db = openDatabase(dbFile, { backupsDir: options.backupsDir, log: (line) => log.info(line) });
      core = createCore(db, {
        version: options.version,
        log,
        ...(signedIn ? { signedIn } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
      trouble = null;
    } catch (error) {
      if (error instanceof DatabaseTooNewError) throw error;
      trouble = troubleOf(error);
      log.error(new Error(`the database cannot be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
    }
  };
  open();

  return {
    dbFile,
    core: () => core,
    /** The core for a host channel that needs one; in recovery the request is refused as the database's. */
    openCore(): Core {
      if (!core) throw new DomainError('db.damaged', { detail: '' });
      return core;
    },
    trouble: () => trouble,
    /** Closes the database, e.g. before another file takes its place. */
    close() {
      core?.db.close();
      core = null;
    },
    /** Opens the file now at dbFile; whoever was signed in stays so if that database knows them as they were. */
    reopen(signedIn: SignedIn | null) {
      const probe = new Database(dbFile, { readonly: true, fileMustExist: true });
      let still: SignedIn | undefined;
      try {
        still = signedIn
          ? probe
              .prepare<[string, string], SignedIn>(
                'SELECT login, full_name AS fullName, role FROM users WHERE login = ? AND role = ? AND active = 1',
              )
              .get(signedIn.login, signedIn.role)
          : undefined;
      } catch {
        still = undefined;
      } finally {
        probe.close();
      }
      open(still);
      for (const listener of reopened) listener();
    },
    /** Called each time another file has been opened in place of the database (a restore), to follow it. */
    afterReopen(listener: () => void) {
      reopened.push(listener);
    },
  };
}

export type Session = ReturnType<typeof openSession>;

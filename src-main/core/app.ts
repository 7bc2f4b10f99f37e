import type { Db } from '../db/open';
import type { SignedIn } from '../../shared/contract/auth';
import { localToday } from '../../shared/dates';
import { accountsHandlers } from './accounts/handlers';
import { authHandlers } from './auth/handlers';
import { createSession } from './auth/session';
import { directoriesHandlers } from './directories/handlers';
import { entryHandlers } from './entry/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { settingsHandlers } from './settings/handlers';
import { metaHandlers } from './meta/handlers';
import { createRegistry, type Registry } from './registry';
import { routesHandlers } from './routes/handlers';
import { tasksHandlers } from './tasks/handlers';

/** The whole core for one database: every feature's handlers behind one registry. */
export interface CoreOptions {
  version: string;
  /** Tools and tests act as this user; a host leaves it out and the user signs in. */
  signedIn?: SignedIn;
  /** The workstation's local date; tests pin it. */
  today?: () => string;
  /** Milliseconds now, for the idle lock; tests move it. */
  now?: () => number;
  log?: (error: unknown) => void;
}

/** The whole core for one database: every feature's handlers behind one registry, one session. */
export function createCore(db: Db, options: CoreOptions): Registry {
  const setting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const idleMinutes = () => Number(setting.get('security.idleLockMinutes')?.value ?? 0) || 0;
  const session = createSession({ idleMinutes, now: options.now ?? Date.now, ...(options.signedIn ? { signedIn: options.signedIn } : {}) });
  const record = db.prepare('INSERT INTO audit_log (login, action, entity, entity_id, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)');
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  const today = options.today ?? localToday;
  return createRegistry(
    [
      authHandlers(db, session, idleMinutes),
      metaHandlers(db, options.version),
      directoriesHandlers(db),
      routesHandlers(db),
      accountsHandlers(db),
      tasksHandlers(db),
      entryHandlers(db, { today }),
      exchangeHandlers(db),
      settingsHandlers(db),
    ],
    {
      ...(options.log ? { log: options.log } : {}),
      authorize: (channel) => session.authorize(channel),
      caller: () => {
        const user = session.user?.login ?? 'system';
        return {
          user,
          audit: (action, entity, id, oldValue, newValue) => void record.run(user, action, entity, id, json(oldValue), json(newValue)),
        };
      },
      transaction: (work) => db.transaction(work)(),
    },
  );
}

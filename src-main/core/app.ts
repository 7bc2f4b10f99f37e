import { userInfo } from 'node:os';
import type { Db } from '../db/open';
import { accountsHandlers } from './accounts/handlers';
import { directoriesHandlers } from './directories/handlers';
import { entryHandlers } from './entry/handlers';
import { metaHandlers } from './meta/handlers';
import { createRegistry, type Registry } from './registry';
import { routesHandlers } from './routes/handlers';
import { tasksHandlers } from './tasks/handlers';

/** The whole core for one database: every feature's handlers behind one registry. */
export interface CoreOptions {
  version: string;
  /** Who enters readings; the login of the users issue replaces this with the signed-in user. */
  user?: string;
  /** The workstation's local date; tests pin it. */
  today?: () => string;
  log?: (error: unknown) => void;
}

/** The local calendar date: a reading typed at 00:30 belongs to the day the operator sees. */
export const localToday = () => new Date().toLocaleDateString('sv-SE');

export function createCore(db: Db, options: CoreOptions): Registry {
  const entry = { user: options.user ?? userInfo().username, today: options.today ?? localToday };
  return createRegistry(
    [metaHandlers(db, options.version), directoriesHandlers(db), routesHandlers(db), accountsHandlers(db), tasksHandlers(db), entryHandlers(db, entry)],
    options.log,
  );
}

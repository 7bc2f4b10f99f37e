import type { Db } from '../db/open';
import { accountsHandlers } from './accounts/handlers';
import { directoriesHandlers } from './directories/handlers';
import { metaHandlers } from './meta/handlers';
import { createRegistry, type Registry } from './registry';
import { routesHandlers } from './routes/handlers';
import { tasksHandlers } from './tasks/handlers';

/** The whole core for one database: every feature's handlers behind one registry. */
export function createCore(db: Db, options: { version: string; log?: (error: unknown) => void }): Registry {
  return createRegistry(
    [metaHandlers(db, options.version), directoriesHandlers(db), routesHandlers(db), accountsHandlers(db), tasksHandlers(db)],
    options.log,
  );
}

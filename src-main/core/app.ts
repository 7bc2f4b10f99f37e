import { idleCheckpointer } from '../db/idle-checkpoint';
import { photosBeside } from '../db/photo-backups';
import type { SignedIn } from '../../shared/contract/auth';
import { localToday } from '../../shared/dates';
import type { Db } from '../db/open';
import { accountsHandlers } from './accounts/handlers';
import { auditTrail } from './audit/trail';
import { authHandlers } from './auth/handlers';
import { createSession } from './auth/session';
import { directoriesHandlers } from './directories/handlers';
import { disconnectionHandlers } from './disconnection/handlers';
import { orderHandlers } from './disconnection/order-handlers';
import { orderSheet } from './disconnection/order-sheet';
import { noticeHandlers } from './disconnection/notice-handlers';
import { entryStore, type EntryStore } from './entry/entry-store';
import { entryHandlers } from './entry/handlers';
import { exchangeServices } from './exchange/services';
import { fieldServices } from './field/index';
import { phoneHandlers } from './field/office-handlers';
import { fieldPhotos, type FieldPhotos } from './field/photos';
import { demoDistrict } from './setup/demo-district';
import { metaHandlers } from './meta/handlers';
import { moratoriaHandlers } from './moratoria/handlers';
import { createRegistry, type Registry, type RegistryLog } from './registry';
import { plansHandlers } from './plans/handlers';
import { reportsHandlers } from './reports/handlers';
import { routesHandlers } from './routes/handlers';
import { settingsHandlers } from './settings/handlers';
import { tasksHandlers } from './tasks/handlers';
import { checkHandlers } from './validation/check-handlers';
import { validationHandlers } from './validation/handlers';
import { profileHandlers } from './validation/profile-handlers';

export interface CoreOptions {
  version: string;
  /** Tools and tests act as this user; a host leaves it out and the user signs in. */
  signedIn?: SignedIn;
  /** The workstation's local date; tests pin it. */
  today?: () => string;
  /** Milliseconds now, for the idle lock; tests move it. */
  now?: () => number;
  log?: RegistryLog;
}

/** The core for one database: every feature's handlers behind one registry, one session, and what hosts call directly. */
export interface Core extends Registry {
  db: Db;
  /** Who is signed in, in full: a host keeps them signed in across a restore. */
  signedIn: () => SignedIn | null;
  /** Work a host does around its own channels (files in and out, the printed sheet), called once, not re-dispatched. */
  services: ReturnType<typeof coreServices>;
}

interface FeatureServices {
  entry: EntryStore;
  photos: FieldPhotos;
  tasks: ReturnType<typeof tasksHandlers>;
  notices: ReturnType<typeof noticeHandlers>;
  orders: ReturnType<typeof orderHandlers>;
}

/** Photos from phones live in the `photos` folder beside the database file; a database in memory keeps none. */
export const photosDirOf = (db: Db): string | null => (db.memory ? null : photosBeside(db.name));

function coreServices(db: Db, { entry, photos, tasks, notices, orders }: FeatureServices, today: () => string) {
  return {
    exchange: exchangeServices(db, today),
    sheet: tasks.sheet,
    sheets: tasks.sheets,
    notices: notices.document,
    demoDistrict: demoDistrict(db),
    registers: orders.registers,
    orderSheet: orderSheet(db),
    field: fieldServices(db, { today, store: entry, photos }),
    today,
  };
}

export function createCore(db: Db, options: CoreOptions): Core {
  const setting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const idleMinutes = () => Number(setting.get('security.idleLockMinutes')?.value ?? 0) || 0;
  const session = createSession({ idleMinutes, now: options.now ?? Date.now, ...(options.signedIn ? { signedIn: options.signedIn } : {}) });
  const today = options.today ?? localToday;
  // One entry store (its statements prepared once) for entry, the phone's results and the field service.
  const entry = entryStore(db, { today });
  const photos = fieldPhotos(db, photosDirOf(db));
  const tasks = tasksHandlers(db);
  const notices = noticeHandlers(db);
  const orders = orderHandlers(db, { today });
  const checkpoints = idleCheckpointer(db);
  const registry = createRegistry(
    [
      authHandlers(db, session, idleMinutes),
      metaHandlers(db, options.version),
      directoriesHandlers(db),
      routesHandlers(db),
      accountsHandlers(db, { today }),
      tasks.handlers,
      plansHandlers(db, { today }),
      entryHandlers(db, entry),
      checkHandlers(db, { today }),
      settingsHandlers(db),
      moratoriaHandlers(db),
      profileHandlers(db),
      disconnectionHandlers(db, { today }),
      orders.handlers,
      notices.handlers,
      reportsHandlers(db),
      validationHandlers(db, { today }),
      phoneHandlers(db, { today, store: entry, photos }),
    ],
    {
      ...(options.log ? { log: options.log } : {}),
      authorize: (channel) => session.authorize(channel),
      who: () => session.user?.login ?? null,
      record: auditTrail(db),
      transaction: (work) => {
        const done = db.transaction(work)();
        checkpoints.wrote();
        return done;
      },
    },
  );
  return { ...registry, db, signedIn: () => session.user, services: coreServices(db, { entry, photos, tasks, notices, orders }, today) };
}

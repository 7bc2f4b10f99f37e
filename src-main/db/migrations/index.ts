import type { Database } from 'better-sqlite3';
import { initial } from './001-initial';
import { walkTasks } from './002-walk-tasks';
import { readingEntry } from './003-reading-entry';
import { usersAudit } from './004-users-audit';
import { auditChannel } from './005-audit-channel';
import { ukrainianOrder } from './006-ukrainian-order';
import { ledgerAndMarks } from './007-ledger-and-marks';
import { disconnectionSettings } from './008-disconnection-settings';
import { disconnectionWarnings } from './009-disconnection-warnings';
import { disconnectionOrders } from './010-disconnection-orders';
import { ledgerOpenBills } from './011-ledger-open-bills';
import { consumptionProfile } from './012-consumption-profile';
import { checkQueue } from './013-check-queue';
import { walkSequence } from './014-walk-sequence';
import { visitFindings } from './015-visit-findings';
import { dailyPlans } from './016-daily-plans';
import { fieldService } from './017-field-service';
import { entrySummaryIndex } from './018-entry-summary-index';
import { configurationStamp } from './019-configuration-stamp';
import { entrySummaryFlags } from './020-entry-summary-flags';
import { controlReadingsInOrder } from './021-control-readings-in-order';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Forward only; each file one change, numbered in order. */
export const migrations: readonly Migration[] = [
  initial,
  walkTasks,
  readingEntry,
  usersAudit,
  auditChannel,
  ukrainianOrder,
  ledgerAndMarks,
  disconnectionSettings,
  disconnectionWarnings,
  disconnectionOrders,
  ledgerOpenBills,
  consumptionProfile,
  checkQueue,
  walkSequence,
  visitFindings,
  dailyPlans,
  fieldService,
  entrySummaryIndex,
  configurationStamp,
  entrySummaryFlags,
  controlReadingsInOrder,
];

export const latestVersion = (): number => migrations.at(-1)?.version ?? 0;

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `База даних створена новішою версією програми (схема ${found}, ця програма знає до ${known}). ` +
        `The database was written by a newer Obhid (schema ${found}; this build knows up to ${known}).`,
    );
  }
}

/** A migration failed: it left nothing behind, the database stays at `at`, and `copy` holds it as it was before the upgrade. */
export class MigrationFailedError extends Error {
  constructor(
    readonly migration: Pick<Migration, 'version' | 'name'>,
    readonly at: number,
    readonly copy: string | null,
    readonly detail: string,
  ) {
    super(
      `Migration ${migration.version} ${migration.name} failed (${detail}); the database stays at schema ${at}; copy: ${copy ?? 'none'}`,
    );
  }
}

export interface MigrateOptions {
  /** Makes a copy of the database before the first pending migration of an existing one runs; returns where it is. */
  copyBefore?: (version: number) => string;
  /** One line per migration: version, name, duration. */
  log?: (line: string) => void;
  /** Tests run extra migrations (one that dies half-way); the app runs the list above. */
  migrations?: readonly Migration[];
}

/**
 * Brings the database to the latest schema, each migration in its own transaction. A failure rolls
 * back that migration whole and is reported with its number and name and where the copy is.
 */
export function migrate(db: Database, options: MigrateOptions = {}): { from: number; to: number; copy: string | null } {
  const list = options.migrations ?? migrations;
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const from = version();
  const to = list.at(-1)?.version ?? 0;
  if (from > to) throw new DatabaseTooNewError(from, to);
  const pending = list.filter((migration) => migration.version > from);
  // A new database has nothing to lose; an existing one is copied before its schema is touched.
  const copy = pending.length > 0 && from > 0 && options.copyBefore ? options.copyBefore(from) : null;
  for (const migration of pending) {
    const started = performance.now();
    try {
      db.transaction(() => {
        if ('sql' in migration) db.exec(migration.sql);
        else migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      throw new MigrationFailedError(migration, version(), copy, error instanceof Error ? error.message : String(error));
    }
    options.log?.(`migration ${migration.version} ${migration.name}: ${(performance.now() - started).toFixed(1)} ms`);
  }
  return { from, to, copy };
}

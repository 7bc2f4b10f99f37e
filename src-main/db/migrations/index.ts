import type { Database } from 'better-sqlite3';
import { initial } from './001-initial';
import { walkTasks } from './002-walk-tasks';
import { readingEntry } from './003-reading-entry';
import { usersAudit } from './004-users-audit';
import { auditChannel } from './005-audit-channel';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Forward only; each file one change, numbered in order. */
export const migrations: readonly Migration[] = [initial, walkTasks, readingEntry, usersAudit, auditChannel];

export const latestVersion = (): number => migrations.at(-1)?.version ?? 0;

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `База даних створена новішою версією програми (схема ${found}, ця програма знає до ${known}). ` +
        `The database was written by a newer Obhid (schema ${found}; this build knows up to ${known}).`,
    );
  }
}

/** Runs every pending migration in one transaction, so a failed upgrade leaves the old schema intact. */
export function migrate(db: Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = latestVersion();
  if (from > to) throw new DatabaseTooNewError(from, to);
  if (from === to) return { from, to };
  db.transaction(() => {
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to };
}

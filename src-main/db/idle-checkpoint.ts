import type { Db } from './open';

/** Pages the WAL may hold before SQLite checkpoints inside a commit (its default is 1,000). */
export const walPagesBeforeForcedCheckpoint = 10_000;

/**
 * Copies the WAL back into the database file when the workstation idles, instead of inside a
 * save: SQLite's automatic checkpoint runs in whichever commit crosses its page count, so one save
 * in a hundred paid for it. A save is durable once its commit is in the WAL (synchronous=FULL);
 * the checkpoint only moves pages. PASSIVE: it never waits for a reader, and what it cannot copy
 * now it copies next time; the raised automatic limit stays as the backstop.
 */
export function idleCheckpointer(db: Db, idleMs = 1_000) {
  let timer: NodeJS.Timeout | null = null;
  return {
    /** After a write: the checkpoint runs once nothing has been written for `idleMs`. */
    wrote() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
      }, idleMs);
      // A pending checkpoint never keeps a tool or a test process alive.
      timer.unref();
    },
  };
}

import type { Database } from 'better-sqlite3';

/**
 * One forward-only schema change, numbered in order; its own file, its own transaction. Most are
 * SQL; one that must compute values row by row (a sort key, say) does it in `up`.
 */
export type Migration = { version: number; name: string } & ({ sql: string } | { up: (db: Database) => void });

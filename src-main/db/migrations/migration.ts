/** One forward-only schema change, numbered in order; its own file, its own transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

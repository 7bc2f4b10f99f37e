import type { Migration } from './migration';

/**
 * Entry hands back the task's summary with every save (how many positions are executed, not
 * executed and open, and the reasons given) and looks for the next open position after it. With
 * this index both are read from the index alone, one task's entries by status in order of number,
 * instead of every position's row.
 */
export const entrySummaryIndex: Migration = {
  version: 18,
  name: 'entry-summary-index',
  sql: `
CREATE INDEX task_positions_by_status ON task_positions(task_id, status, seq, reason_code);
`,
};

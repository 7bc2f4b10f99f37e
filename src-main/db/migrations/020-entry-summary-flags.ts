import type { Migration } from './migration';

/**
 * The task's summary comes back with every save, and with it how many of the task's readings carry
 * a flag (over the maximum, below the previous, a rollover) and how many of its checks wait in the
 * queue. Those were found by reading every executed position's reading and looking up its checks —
 * the whole task again on each save. These partial indexes hold only the few flagged readings and
 * waiting checks, so each position costs a look into a small index instead.
 */
export const entrySummaryFlags: Migration = {
  version: 20,
  name: 'entry-summary-flags',
  sql: `
CREATE INDEX readings_flagged_by_position ON readings(task_position_id)
  WHERE over_max_accepted = 1 OR below_previous_confirmed = 1 OR rollover = 1;
CREATE INDEX reading_checks_waiting_by_position ON reading_checks(task_position_id) WHERE decision IS NULL;
`,
};

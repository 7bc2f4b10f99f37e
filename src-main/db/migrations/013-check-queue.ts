import type { Migration } from './migration';

/**
 * Контроль показників (docs/domain.md, "The correction queue"): every reading that failed a check
 * of the bands, whether the operator accepted it at entry or not, waits here for a master's decision.
 *
 * `reading_checks` keeps the reading as it was judged (value, consumption, expected, the checks as
 * JSON) so that the queue still shows what was decided on after the reading is corrected or removed;
 * `reading_id` is cleared when the reading itself is removed. `decision` is null while the item
 * waits; a re-entry of the same position by an operator settles a waiting item as 'superseded'.
 *
 * `readings.estimated`: a master's "mark as estimated for billing". An estimated reading is not the
 * company's look at the meter, so expected consumption leaves it out: the history index now holds
 * only actual control readings.
 *
 * `reread_position_id`: the position a re-read decision put into the route's next task as «повторний
 * контроль». A re-read ordered while the route has no task to come waits (decision 'reread', no
 * position) and joins the route's next task when that is formed; a deleted task hands it back.
 */
export const checkQueue: Migration = {
  version: 13,
  name: 'check-queue',
  sql: `
CREATE TABLE reading_checks (
  id INTEGER PRIMARY KEY,
  reading_id INTEGER,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  task_position_id INTEGER,
  taken_on TEXT NOT NULL,
  value INTEGER NOT NULL,
  consumption INTEGER,
  expected REAL,
  checks TEXT NOT NULL,
  entered_by TEXT,
  queued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  decision TEXT CHECK (decision IN ('confirmed', 'corrected', 'reread', 'estimated', 'superseded')),
  decided_by TEXT,
  decided_at TEXT,
  note TEXT NOT NULL DEFAULT '',
  corrected_value INTEGER,
  reread_position_id INTEGER,
  CHECK ((decision IS NULL) = (decided_by IS NULL))
);
CREATE INDEX reading_checks_waiting ON reading_checks(taken_on) WHERE decision IS NULL;
CREATE INDEX reading_checks_by_date ON reading_checks(taken_on);
CREATE INDEX reading_checks_by_reading ON reading_checks(reading_id) WHERE reading_id IS NOT NULL;
CREATE INDEX reading_checks_by_point ON reading_checks(point_id);
CREATE INDEX reading_checks_by_reread ON reading_checks(reread_position_id) WHERE reread_position_id IS NOT NULL;
CREATE INDEX reading_checks_reread_waiting ON reading_checks(point_id) WHERE decision = 'reread' AND reread_position_id IS NULL;

ALTER TABLE readings ADD COLUMN estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1));
DROP INDEX readings_control_by_point;
CREATE INDEX readings_control_by_point ON readings(point_id, taken_on, value, rollover) WHERE kind = 'control' AND estimated = 0;

`,
};

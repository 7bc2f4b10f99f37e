import type { Migration } from './migration';

/**
 * Денний план (docs/domain.md, "The plan for a day"): each active controller's walk for a date,
 * proposed by the core from the points of their routes and formed as ordinary walk tasks.
 *
 * `walk_tasks.kind`: 'criteria' for a task formed by the form's criteria (every task before this
 * migration), 'plan' for one formed from a day's plan. Printing, entry and reports read both alike.
 *
 * `employees.plan_capacity`: the readings a controller takes in a day; NULL takes the setting
 * `plan.capacity` (45, the article's 40–50 a day).
 *
 * A proposal is computed when asked, never stored: it follows the readings, payments and refusals
 * entered meanwhile. Only what a master decides by hand is kept, per date:
 * - `plan_points`: a point the master moved into a controller's plan (`moved` = 1), or a point a
 *   lock froze in it (`moved` = 0). A point is in at most one plan of a date.
 * - `plan_locks`: the controller's plan of that date is locked: its points are its `plan_points`
 *   rows as they stand, and the proposal no longer refills or reorders what the master saw.
 */
export const dailyPlans: Migration = {
  version: 16,
  name: 'daily-plans',
  sql: `
ALTER TABLE walk_tasks ADD COLUMN kind TEXT NOT NULL DEFAULT 'criteria' CHECK (kind IN ('criteria', 'plan'));
-- A day's formed plans are looked up by date, kind and controller.
CREATE INDEX walk_tasks_plans ON walk_tasks(task_date, executor_id) WHERE kind = 'plan';

ALTER TABLE employees ADD COLUMN plan_capacity INTEGER CHECK (plan_capacity BETWEEN 1 AND 500);

CREATE TABLE plan_points (
  plan_date TEXT NOT NULL,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  employee_id INTEGER NOT NULL REFERENCES employees(id),
  moved INTEGER NOT NULL CHECK (moved IN (0, 1)),
  PRIMARY KEY (plan_date, point_id)
);
CREATE INDEX plan_points_by_employee ON plan_points(plan_date, employee_id);

CREATE TABLE plan_locks (
  plan_date TEXT NOT NULL,
  employee_id INTEGER NOT NULL REFERENCES employees(id),
  locked_by TEXT,
  locked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (plan_date, employee_id)
);

INSERT INTO settings (key, value) VALUES
  ('plan.capacity', '45'),
  ('plan.controlLimitDays', '180'),
  ('plan.recentDays', '30'),
  ('plan.coolOffDays', '7'),
  ('plan.failuresBeforeWarning', '2'),
  ('plan.accessWindowDays', '365'),
  ('plan.maxOverbookingPercent', '300'),
  ('plan.verificationDays', '30')
ON CONFLICT (key) DO NOTHING;
`,
};

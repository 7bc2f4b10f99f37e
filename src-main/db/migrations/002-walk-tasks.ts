import type { Migration } from './migration';

/**
 * Walk tasks and their positions. A position keeps a copy of what its sheet printed (account,
 * name, address, meter, previous control reading), so a reprint next month shows the same sheet.
 */
export const walkTasks: Migration = {
  version: 2,
  name: 'walk-tasks',
  sql: `
CREATE TABLE walk_tasks (
  id INTEGER PRIMARY KEY,
  route_id INTEGER NOT NULL REFERENCES routes(id),
  task_date TEXT NOT NULL,
  criteria TEXT NOT NULL,
  sort_order TEXT NOT NULL CHECK (sort_order IN ('address', 'account')),
  warn_non_payment INTEGER NOT NULL DEFAULT 0 CHECK (warn_non_payment IN (0, 1)),
  warn_non_admittance INTEGER NOT NULL DEFAULT 0 CHECK (warn_non_admittance IN (0, 1)),
  route_number INTEGER NOT NULL,
  route_name TEXT NOT NULL,
  executor_id INTEGER REFERENCES employees(id),
  executor_name TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX walk_tasks_by_date ON walk_tasks(task_date, route_number);
CREATE INDEX walk_tasks_by_route ON walk_tasks(route_id);

CREATE TABLE task_positions (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES walk_tasks(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  account_number TEXT NOT NULL,
  full_name TEXT NOT NULL,
  address TEXT NOT NULL,
  meter_serial TEXT,
  meter_digits INTEGER,
  prev_value INTEGER,
  prev_date TEXT,
  -- 'new' until entered; 'executed' with a reading; 'not_executed' with a reason
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'executed', 'not_executed')),
  UNIQUE (task_id, seq)
);
-- The reasons a position was not read; codes are what the controller writes on the sheet.
CREATE TABLE non_execution_reasons (
  code INTEGER PRIMARY KEY,
  name_uk TEXT NOT NULL,
  name_en TEXT NOT NULL,
  -- counts towards a non-admittance warning
  non_admittance INTEGER NOT NULL DEFAULT 0 CHECK (non_admittance IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
INSERT INTO non_execution_reasons (code, name_uk, name_en, non_admittance) VALUES
  (1, 'Немає доступу до лічильника', 'No access to the meter', 1),
  (2, 'Нікого немає вдома', 'Nobody at home', 0),
  (3, 'Лічильник відсутній', 'Meter missing', 0),
  (4, 'Лічильник пошкоджений', 'Meter damaged', 0),
  (5, 'Відмова в допуску', 'Admittance refused', 1),
  (6, 'Інше', 'Other', 0);

CREATE INDEX task_positions_by_point ON task_positions(point_id);
CREATE INDEX readings_by_position ON readings(task_position_id);
`,
};

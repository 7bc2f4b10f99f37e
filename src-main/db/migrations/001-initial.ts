import type { Migration } from './migration';

/** Directories, accounts and their points, meters, readings, bills, payments, routes, settings. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE settlements (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL
);
CREATE TABLE streets (
  id INTEGER PRIMARY KEY,
  settlement_id INTEGER NOT NULL REFERENCES settlements(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  -- вул. Шевченка and пров. Шевченка may stand side by side
  UNIQUE (settlement_id, kind, name)
);
CREATE TABLE houses (
  id INTEGER PRIMARY KEY,
  street_id INTEGER NOT NULL REFERENCES streets(id),
  number TEXT NOT NULL,
  -- natural order of house numbers (2 < 10 < 10а < 10/1 < 12), computed by the core
  sort_key TEXT NOT NULL,
  UNIQUE (street_id, number)
);
CREATE INDEX houses_by_street ON houses(street_id, sort_key);

CREATE TABLE sections (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  settlement_id INTEGER REFERENCES settlements(id)
);
CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  is_controller INTEGER NOT NULL DEFAULT 0 CHECK (is_controller IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE routes (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 99999),
  name TEXT NOT NULL,
  section_id INTEGER REFERENCES sections(id),
  executor_id INTEGER REFERENCES employees(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  house_id INTEGER NOT NULL REFERENCES houses(id),
  apartment TEXT NOT NULL DEFAULT '',
  -- money in kopecks; negative means the consumer owes
  balance_kop INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX accounts_by_house ON accounts(house_id);
CREATE INDEX accounts_by_name ON accounts(full_name);

CREATE TABLE metering_points (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  apartment TEXT NOT NULL DEFAULT '',
  commodity TEXT NOT NULL CHECK (commodity IN ('gas', 'electricity')),
  status TEXT NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'disconnected')),
  inspection_since TEXT,
  complaint_since TEXT,
  -- a point is on at most one route; the column makes that structural
  route_id INTEGER REFERENCES routes(id)
);
CREATE INDEX points_by_account ON metering_points(account_id);
CREATE INDEX points_by_house ON metering_points(house_id);
CREATE INDEX points_by_route ON metering_points(route_id);

CREATE TABLE meters (
  id INTEGER PRIMARY KEY,
  point_id INTEGER NOT NULL UNIQUE REFERENCES metering_points(id),
  serial TEXT NOT NULL,
  model TEXT NOT NULL,
  digits INTEGER NOT NULL CHECK (digits BETWEEN 3 AND 9),
  placement TEXT NOT NULL DEFAULT '',
  condition TEXT NOT NULL DEFAULT '',
  verification_due TEXT NOT NULL
);

CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  taken_on TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value >= 0),
  kind TEXT NOT NULL CHECK (kind IN ('control', 'self', 'billing')),
  task_position_id INTEGER,
  entered_by TEXT,
  entered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX readings_by_point ON readings(point_id, taken_on);

CREATE TABLE bills (
  id INTEGER PRIMARY KEY,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  period TEXT NOT NULL,
  amount_kop INTEGER NOT NULL,
  delivered_on TEXT,
  paid_kop INTEGER NOT NULL DEFAULT 0,
  UNIQUE (point_id, period)
);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  paid_on TEXT NOT NULL,
  amount_kop INTEGER NOT NULL,
  source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payments_by_account ON payments(account_id, paid_on);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO settings (key, value) VALUES
  ('branch.name', 'РЕМ'),
  ('entry.maxConsumption.electricity', '1500'),
  ('entry.maxConsumption.gas', '500'),
  ('warnings.minDebtKop', '50000');
`,
};

import type { Migration } from './migration';

/**
 * The controller's phone (docs/domain.md, "The controller's phone").
 *
 * `users.role` gains 'controller': a controller signs in on their phone, never at the workstation,
 * as the employee `users.employee_id` names — the tasks they are the executor of are the ones they
 * see. SQLite cannot change a CHECK in place, so the table is rebuilt (nothing refers to its ids).
 *
 * `field_pairings`: six-digit codes an administrator shows as a QR code, each valid ten minutes and
 * used once; only the code's hash is kept. `field_sessions`: a paired phone, by the hash of its
 * bearer token; a revoked session is refused from its next request.
 *
 * `phone_results`: what a phone sent, once per client id (the phone names each result, so a second
 * send changes nothing). `status`:
 * - 'waiting': for the operator to take in (Розноска: «з телефону»);
 * - 'entered': the position was entered from it, or by an operator while it waited;
 * - 'beside': the office had entered the position already; kept beside, and in the correction
 *   queue when it says something else;
 * - 'replaced': a newer result for the same position came while this one waited.
 * `photos`: files beside the database (the `photos` folder), one per client id, of a position.
 */
export const fieldService: Migration = {
  version: 17,
  name: 'field-service',
  sql: `
CREATE TABLE users_new (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('controller', 'operator', 'master', 'admin')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  employee_id INTEGER REFERENCES employees(id),
  CHECK ((role = 'controller') = (employee_id IS NOT NULL))
);
INSERT INTO users_new (id, login, full_name, role, password_hash, active, created_at)
  SELECT id, login, full_name, role, password_hash, active, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE UNIQUE INDEX users_by_employee ON users(employee_id) WHERE employee_id IS NOT NULL;

CREATE TABLE field_pairings (
  id INTEGER PRIMARY KEY,
  code_hash TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  session_id INTEGER
);
CREATE INDEX field_pairings_open ON field_pairings(code_hash) WHERE used_at IS NULL;

CREATE TABLE field_sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  device TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  last_seen_at TEXT,
  revoked_at TEXT,
  revoked_by TEXT
);

CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  position_id INTEGER NOT NULL REFERENCES task_positions(id),
  file TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  mime TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  sent_by TEXT NOT NULL
);
CREATE INDEX photos_by_point ON photos(point_id, taken_at);
CREATE INDEX photos_by_position ON photos(position_id);

CREATE TABLE phone_results (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  session_id INTEGER NOT NULL REFERENCES field_sessions(id),
  sent_by TEXT NOT NULL,
  position_id INTEGER NOT NULL REFERENCES task_positions(id),
  value INTEGER,
  reason_code INTEGER,
  confirmed TEXT NOT NULL DEFAULT '[]',
  problems TEXT NOT NULL DEFAULT '[]',
  note TEXT NOT NULL DEFAULT '',
  findings TEXT,
  taken_at TEXT NOT NULL,
  taken_on TEXT NOT NULL,
  lat REAL,
  lon REAL,
  accuracy REAL,
  photo_client_id TEXT,
  received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'entered', 'beside', 'replaced')),
  settled_by TEXT,
  settled_at TEXT,
  CHECK ((value IS NULL) <> (reason_code IS NULL))
);
CREATE INDEX phone_results_by_position ON phone_results(position_id);
CREATE INDEX phone_results_waiting ON phone_results(position_id) WHERE status = 'waiting';

INSERT INTO settings (key, value) VALUES ('field.enabled', '0'), ('field.port', '8443')
ON CONFLICT (key) DO NOTHING;
`,
};

import type { Migration } from './migration';

/** Who may do what, and the record of what they did. */
export const usersAudit: Migration = {
  version: 4,
  name: 'users-audit',
  sql: `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('operator', 'master', 'admin')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  login TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'change', 'delete')),
  entity TEXT NOT NULL,
  entity_id INTEGER,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX audit_by_time ON audit_log(at);

INSERT INTO settings (key, value) VALUES ('security.idleLockMinutes', '15'), ('backup.keep', '10');
`,
};

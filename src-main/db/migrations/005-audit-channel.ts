import type { Migration } from './migration';

/** The audit log names the request behind each change, now that the registry writes every entry itself. */
export const auditChannel: Migration = {
  version: 5,
  name: 'audit-channel',
  sql: `
ALTER TABLE audit_log ADD COLUMN channel TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_by_entity ON audit_log(entity, id);
`,
};

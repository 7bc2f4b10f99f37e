import type { Db } from '../../db/open';

export type AuditAction = 'create' | 'change' | 'delete';

export interface AuditEntry {
  login: string;
  channel: string;
  action: AuditAction;
  entity: string;
  entityId: number | null;
  oldValue: unknown;
  newValue: unknown;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Writes one entry of the audit log; the registry calls it inside the change's own transaction. */
export function auditTrail(db: Db): (entry: AuditEntry) => void {
  const insert = db.prepare(
    `INSERT INTO audit_log (login, channel, action, entity, entity_id, old_value, new_value)
     VALUES (@login, @channel, @action, @entity, @entityId, @oldValue, @newValue)`,
  );
  return (entry) => void insert.run({ ...entry, oldValue: json(entry.oldValue), newValue: json(entry.newValue) });
}

import type { Migration } from './migration';

const stamped = (table: string) =>
  (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map(
      (event) =>
        `CREATE TRIGGER ${table}_stamped_${event.toLowerCase()} AFTER ${event} ON ${table}
BEGIN UPDATE configuration_stamp SET changes = changes + 1; END;`,
    )
    .join('\n');

/**
 * Every save judges its reading by the validation settings and the consumption profile, several
 * times a save. A counter bumped by triggers on both tables lets the core keep what it parsed until
 * either changes — by the administrator's screens, an import or a restore alike — instead of
 * reading them afresh each time.
 *
 * readings_by_position goes: the unique partial index on the same column (migration 003) serves
 * every lookup by a position, and each entered reading wrote both.
 */
export const configurationStamp: Migration = {
  version: 19,
  name: 'configuration-stamp',
  sql: `
CREATE TABLE configuration_stamp (id INTEGER PRIMARY KEY CHECK (id = 1), changes INTEGER NOT NULL);
INSERT INTO configuration_stamp (id, changes) VALUES (1, 0);
${stamped('settings')}
${stamped('consumption_profile')}
DROP INDEX readings_by_position;
`,
};

import type { Migration } from './migration';

/**
 * Reading entry (розноска): what an operator records per position, the flags of the plausibility
 * checks, and the history a correction leaves behind.
 */
export const readingEntry: Migration = {
  version: 3,
  name: 'reading-entry',
  sql: `
ALTER TABLE task_positions ADD COLUMN reason_code INTEGER REFERENCES non_execution_reasons(code);
ALTER TABLE task_positions ADD COLUMN problems TEXT NOT NULL DEFAULT '[]';
ALTER TABLE task_positions ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE task_positions ADD COLUMN checked_on TEXT;
ALTER TABLE task_positions ADD COLUMN entered_by TEXT;
ALTER TABLE task_positions ADD COLUMN entered_at TEXT;

ALTER TABLE readings ADD COLUMN consumption INTEGER;
ALTER TABLE readings ADD COLUMN over_max_accepted INTEGER NOT NULL DEFAULT 0 CHECK (over_max_accepted IN (0, 1));
ALTER TABLE readings ADD COLUMN below_previous_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (below_previous_confirmed IN (0, 1));
ALTER TABLE readings ADD COLUMN rollover INTEGER NOT NULL DEFAULT 0 CHECK (rollover IN (0, 1));
CREATE UNIQUE INDEX readings_one_per_position ON readings(task_position_id) WHERE task_position_id IS NOT NULL;

-- What a position held before each correction, with who entered it and who replaced it.
CREATE TABLE position_history (
  id INTEGER PRIMARY KEY,
  position_id INTEGER NOT NULL REFERENCES task_positions(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  value INTEGER,
  checked_on TEXT,
  reason_code INTEGER,
  entered_by TEXT,
  entered_at TEXT,
  replaced_by TEXT NOT NULL,
  replaced_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX position_history_by_position ON position_history(position_id);

CREATE TABLE meter_problems (
  code INTEGER PRIMARY KEY,
  name_uk TEXT NOT NULL,
  name_en TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
INSERT INTO meter_problems (code, name_uk, name_en) VALUES
  (1, 'Порушена пломба', 'Seal broken'),
  (2, 'Лічильник пошкоджений', 'Meter damaged'),
  (3, 'Розбите скло лічильника', 'Meter glass broken'),
  (4, 'Ознаки втручання в схему обліку', 'Signs of tampering'),
  (5, 'Лічильник замінено без повідомлення', 'Meter replaced without notice'),
  (6, 'Немає доступу до показника (погане освітлення, бруд)', 'Display unreadable');
`,
};

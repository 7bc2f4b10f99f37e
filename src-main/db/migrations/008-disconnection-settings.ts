import type { Migration } from './migration';

/**
 * The deadlines around a disconnection (DOMAIN.md, workflow 4) as settings a district can change,
 * and the territories where no disconnection may be ordered.
 *
 * Each deadline is a number of days and the unit it is counted in, 'working' or 'calendar': the
 * retail electricity market rules count working days, the gas distribution code calendar days,
 * and a district must be able to follow a change of either without a new version.
 * `calendar.holidaysOff` is 1 while public holidays are days off; under martial law (Labour Code
 * art. 73 as suspended by the martial-law act) they are working days and a district sets it to 0.
 *
 * A moratorium covers a settlement from `from_on` to `to_on` inclusive; an open end (`to_on` NULL)
 * lasts until somebody closes it.
 */
export const disconnectionSettings: Migration = {
  version: 8,
  name: 'disconnection-settings',
  sql: `
INSERT INTO settings (key, value) VALUES
  ('disconnection.notice.electricity.days', '10'),
  ('disconnection.notice.electricity.unit', 'working'),
  ('disconnection.notice.gas.days', '3'),
  ('disconnection.notice.gas.unit', 'calendar'),
  ('disconnection.reconnect.electricity.town.days', '3'),
  ('disconnection.reconnect.electricity.town.unit', 'working'),
  ('disconnection.reconnect.electricity.village.days', '5'),
  ('disconnection.reconnect.electricity.village.unit', 'working'),
  ('disconnection.reconnect.gas.town.days', '2'),
  ('disconnection.reconnect.gas.town.unit', 'working'),
  ('disconnection.reconnect.gas.village.days', '5'),
  ('disconnection.reconnect.gas.village.unit', 'calendar'),
  ('warnings.mailReceivedDays', '3'),
  ('calendar.holidaysOff', '1')
ON CONFLICT (key) DO NOTHING;

CREATE TABLE moratoria (
  id INTEGER PRIMARY KEY,
  settlement_id INTEGER NOT NULL REFERENCES settlements(id),
  from_on TEXT NOT NULL,
  to_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  CHECK (to_on IS NULL OR to_on >= from_on)
);
-- Forming orders asks "is this settlement under a moratorium on that date" for many points at once.
CREATE INDEX moratoria_by_settlement ON moratoria(settlement_id, from_on);
`,
};

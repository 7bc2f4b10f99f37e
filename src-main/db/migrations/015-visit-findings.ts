import type { Migration } from './migration';

/**
 * What a visit finds at the meter (docs/domain.md, "What the visit finds at the meter").
 *
 * `meters` stays one row per point, the meter there now; it gains the day it was installed (null:
 * before Obhid knew the point — the billing system's file says nothing of it) and its seal numbers.
 *
 * `meter_history`: the meters a point had before, each row the removed meter's card as it stood
 * when a visit found it replaced, with the two control readings the change wrote on its day: the
 * old meter's final reading, which closes its chain, and the new meter's initial one, which starts
 * the next chain with no consumption. Readings carry no meter of their own: a reading belongs to the
 * meter whose chain it falls in by date and entry order, and a meter's start is the reading named
 * here as `initial_reading_id` (src-main/core/visit/meter-changes.ts). `position_id` and
 * `removed_by` say which entered position and which user recorded the change.
 *
 * `visit_findings`: one row per entered position that stated anything about the meter — placement
 * and condition as codes of shared/contract/visit.ts, seal numbers, the serial, model and digits
 * read off the meter (the new meter's with a replacement, `meter_change_id` then naming it; without
 * one, a correction of the card) — and `card_before`, the card's placement, condition, seals, serial
 * and model before this visit changed them, so the card shows what changed and a re-entry of the
 * position can put back what it set. Placement and condition live on the meter row as the words the
 * billing system uses («сходова клітка»), as its files bring them.
 */
export const visitFindings: Migration = {
  version: 15,
  name: 'visit-findings',
  sql: `
ALTER TABLE meters ADD COLUMN installed_on TEXT;
ALTER TABLE meters ADD COLUMN seals TEXT NOT NULL DEFAULT '';

CREATE TABLE meter_history (
  id INTEGER PRIMARY KEY,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  serial TEXT NOT NULL,
  model TEXT NOT NULL,
  digits INTEGER NOT NULL CHECK (digits BETWEEN 3 AND 9),
  placement TEXT NOT NULL,
  condition TEXT NOT NULL,
  seals TEXT NOT NULL,
  verification_due TEXT NOT NULL,
  installed_on TEXT,
  removed_on TEXT NOT NULL,
  final_reading_id INTEGER NOT NULL REFERENCES readings(id),
  initial_reading_id INTEGER NOT NULL UNIQUE REFERENCES readings(id),
  position_id INTEGER REFERENCES task_positions(id),
  removed_by TEXT NOT NULL,
  removed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX meter_history_by_point ON meter_history(point_id, removed_on);
-- Entry's summary counts a task's final readings waiting in the queue by the positions that wrote them.
CREATE INDEX meter_history_by_position ON meter_history(position_id) WHERE position_id IS NOT NULL;

CREATE TABLE visit_findings (
  id INTEGER PRIMARY KEY,
  position_id INTEGER NOT NULL UNIQUE REFERENCES task_positions(id) ON DELETE CASCADE,
  point_id INTEGER NOT NULL REFERENCES metering_points(id),
  found_on TEXT NOT NULL,
  placement TEXT,
  condition TEXT,
  seals TEXT,
  serial TEXT,
  model TEXT,
  digits INTEGER,
  verification_due TEXT,
  meter_change_id INTEGER REFERENCES meter_history(id),
  card_before TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX visit_findings_by_point ON visit_findings(point_id, found_on);
`,
};

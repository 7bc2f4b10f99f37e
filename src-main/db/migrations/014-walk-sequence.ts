import type { Migration } from './migration';

/**
 * The walk sequence (Порядок обходу, docs/domain.md "The walk sequence of a route"): each point's
 * place in its route's walk, 1..n, which walk tasks and route sheets follow.
 *
 * Existing routes are walked in address order — settlement, street (by name, then type), house,
 * apartment, as `addressOrder` in core/addresses/address.ts spells it on the day this shipped —
 * with the point's id breaking a tie between two points of one apartment. The order is written out
 * here rather than imported so that the migration stays what it was when the code moves on.
 *
 * A point off every route has no place; the CHECK makes "no route, no place" structural, so
 * whatever takes a point off a route clears its place in the same statement. A place is not unique
 * per route by index: renumbering moves places past each other within one statement, and SQLite
 * checks a unique index row by row. The core keeps them 1..n (core/routes/walk-sequence.ts).
 *
 * The index on (route_id, walk_seq) serves every lookup by route as well, so the old one goes.
 */
export const walkSequence: Migration = {
  version: 14,
  name: 'walk-sequence',
  sql: `
ALTER TABLE metering_points ADD COLUMN walk_seq INTEGER CHECK (walk_seq IS NULL OR (route_id IS NOT NULL AND walk_seq > 0));
UPDATE metering_points SET walk_seq = ordered.seq
FROM (
  SELECT p.id, row_number() OVER (
      PARTITION BY p.route_id ORDER BY se.name_key, st.name_key, st.kind, h.sort_key, p.apartment_key, p.id) AS seq
  FROM metering_points p JOIN houses h ON h.id = p.house_id JOIN streets st ON st.id = h.street_id
    JOIN settlements se ON se.id = st.settlement_id
  WHERE p.route_id IS NOT NULL
) AS ordered
WHERE metering_points.id = ordered.id;
CREATE INDEX points_by_walk ON metering_points(route_id, walk_seq);
DROP INDEX points_by_route;
`,
};

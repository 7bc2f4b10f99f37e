import type { WalkChange, WalkChangeResult, WalkRow } from '../../../shared/contract/routes';
import type { Db } from '../../db/open';
import { preparedOnUse } from '../../db/prepared-on-use';
import { addressColumns, addressJoins, addressOrder, withAddress, type AddressParts } from '../addresses/address';
import { DomainError, found } from '../errors';

/** One point's place before and after an edit of the walk. */
export interface PlaceChange {
  pointId: number;
  from: number | null;
  to: number;
}

/**
 * A window's max or min over `addr * PACK + place` finds the placed neighbour nearest in address
 * order and carries its place along; 2^31 is more places than any route holds.
 */
const PACK = 2_147_483_648;

/**
 * Where a point without a place goes among the placed points of its house, street or route: between
 * its nearest placed neighbours in address order — right after whichever of the two is walked first,
 * so a street walked the other way still gets it between them — or beside the only one there is.
 */
const nearestPlaced = (partition: string, level: string) => {
  const packed = `CASE WHEN seq IS NOT NULL THEN addr * ${PACK} + seq END`;
  const before = `max(${packed}) OVER (${partition} ORDER BY addr ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) % ${PACK}`;
  const after = `min(${packed}) OVER (${partition} ORDER BY addr ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) % ${PACK}`;
  return `${before} AS ${level}Before, ${after} AS ${level}After`;
};
const besideNearest = (level: string) =>
  `CASE WHEN ${level}Before IS NOT NULL AND ${level}After IS NOT NULL THEN min(${level}Before, ${level}After) + 0.5
     WHEN ${level}Before IS NOT NULL THEN ${level}Before + 0.5 ELSE ${level}After - 0.5 END`;

/**
 * The route's points with the place each should have: a placed point keeps its order, a point without
 * a place goes beside its address neighbours — its own house's first, so a building stays together,
 * then its street's, then the route's — and the places are numbered 1..n, closing any gap.
 */
const settledPlaces = `
  WITH ranked AS (
    SELECT p.id, p.walk_seq AS seq, p.house_id AS house, h.street_id AS street,
      row_number() OVER (ORDER BY ${addressOrder('p.apartment_key')}, p.id) AS addr
    FROM metering_points p ${addressJoins('p.house_id')}
    WHERE p.route_id = @routeId
  ), near AS (
    SELECT id, seq, addr, ${nearestPlaced('PARTITION BY house', 'house')}, ${nearestPlaced('PARTITION BY street', 'street')},
      ${nearestPlaced('', 'route')}
    FROM ranked
  )
  SELECT id AS pointId, seq AS "from", row_number() OVER (
      ORDER BY coalesce(seq, ${besideNearest('house')}, ${besideNearest('street')}, ${besideNearest('route')}, 0), addr) AS "to"
  FROM near`;

/**
 * Порядок обходу: the order a controller walks a route in, street by street, whole buildings
 * together, which walk tasks and route sheets follow (docs/domain.md, "The walk sequence of a
 * route"). Every route's places run 1..n; assignment places new points by address, a master edits
 * the rest. Edits are computed here on the route's order and written in one statement.
 */
export function walkSequence(db: Db) {
  const route = preparedOnUse(() => db.prepare<[number], { number: number }>('SELECT number FROM routes WHERE id = ?'));
  /** The order as walked; a point without a place (written past the core) after the placed ones. */
  const walkOrder = `p.walk_seq IS NULL, p.walk_seq, ${addressOrder('p.apartment_key')}, p.id`;
  type WalkSql = Omit<WalkRow, 'street' | 'address'> & AddressParts;
  const list = preparedOnUse(() =>
    db.prepare<[number], WalkSql>(`
    SELECT p.id AS pointId, p.walk_seq AS seq, a.id AS accountId, a.number AS accountNumber, a.full_name AS fullName,
      st.id AS streetId, ${addressColumns}, p.apartment, p.commodity, p.status
    FROM metering_points p JOIN accounts a ON a.id = p.account_id ${addressJoins('p.house_id')}
    WHERE p.route_id = ? ORDER BY ${walkOrder}`),
  );
  const order = preparedOnUse(() =>
    db.prepare<[number], { pointId: number; streetId: number; seq: number | null }>(`
    SELECT p.id AS pointId, h.street_id AS streetId, p.walk_seq AS seq
    FROM metering_points p ${addressJoins('p.house_id')} WHERE p.route_id = ? ORDER BY ${walkOrder}`),
  );
  const settled = preparedOnUse(() => db.prepare<{ routeId: number }, PlaceChange>(settledPlaces));
  const addressPlaces = preparedOnUse(() =>
    db.prepare<{ routeId: number }, PlaceChange>(`
    SELECT p.id AS pointId, p.walk_seq AS "from", row_number() OVER (ORDER BY ${addressOrder('p.apartment_key')}, p.id) AS "to"
    FROM metering_points p ${addressJoins('p.house_id')} WHERE p.route_id = @routeId`),
  );
  const settle = preparedOnUse(() =>
    db.prepare(`
    UPDATE metering_points SET walk_seq = placed."to"
    FROM (${settledPlaces}) AS placed
    WHERE metering_points.id = placed.pointId AND metering_points.walk_seq IS NOT placed."to"`),
  );
  const closeGaps = preparedOnUse(() =>
    db.prepare(`
    UPDATE metering_points SET walk_seq = packed.seq
    FROM (SELECT id, walk_seq AS was, row_number() OVER (PARTITION BY route_id ORDER BY walk_seq, id) AS seq
          FROM metering_points WHERE route_id IN (SELECT value FROM json_each(@routeIds)) AND walk_seq IS NOT NULL) AS packed
    WHERE metering_points.id = packed.id AND packed.was <> packed.seq`),
  );
  const write = preparedOnUse(() =>
    db.prepare(`
    UPDATE metering_points SET walk_seq = placed.seq
    FROM (SELECT value ->> '$[0]' AS id, value ->> '$[1]' AS seq FROM json_each(@places)) AS placed
    WHERE metering_points.id = placed.id AND metering_points.route_id = @routeId`),
  );
  const pointAccount = preparedOnUse(() =>
    db.prepare<[number], { account: string }>(
      'SELECT a.number AS account FROM metering_points p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?',
    ),
  );
  const streetName = preparedOnUse(() =>
    db.prepare<[number], { street: string }>("SELECT kind || ' ' || name AS street FROM streets WHERE id = ?"),
  );

  const routeNumber = (routeId: number) => found(route().get(routeId), 'notFound.route').number;

  /** Every point gets the place of its index in `ids`; those already there are left out. */
  const renumbered = (ids: readonly number[], current: ReadonlyMap<number, number | null>): PlaceChange[] =>
    ids.flatMap((pointId, index) => {
      const from = current.get(pointId) ?? null;
      return from === index + 1 ? [] : [{ pointId, from, to: index + 1 }];
    });

  /** The block taken out (in walk order, the rest closing up) and put back in as one, at `target` among the rest. */
  const moved = (routeId: number, pointIds: readonly number[], target: (firstIndex: number) => number): PlaceChange[] => {
    const rows = order().all(routeId);
    const wanted = new Set(pointIds);
    const onRoute = new Set(rows.map((row) => row.pointId));
    const stranger = pointIds.find((pointId) => !onRoute.has(pointId));
    if (stranger !== undefined) {
      const { account } = found(pointAccount().get(stranger), 'notFound.point');
      throw new DomainError('route.pointNotOnRoute', { account, number: routeNumber(routeId) });
    }
    const first = rows.findIndex((row) => wanted.has(row.pointId));
    const block = rows.filter((row) => wanted.has(row.pointId));
    const rest = rows.filter((row) => !wanted.has(row.pointId));
    // Past the first or the last place the block stops there: Ctrl+↑ on the first point is no edit.
    const at = Math.min(Math.max(target(first), 0), rest.length);
    const ids = [...rest.slice(0, at), ...block, ...rest.slice(at)].map((row) => row.pointId);
    return renumbered(ids, new Map(rows.map((row) => [row.pointId, row.seq])));
  };

  const reversed = (routeId: number, streetId: number): PlaceChange[] => {
    const rows = order().all(routeId);
    const slots = rows.flatMap((row, index) => (row.streetId === streetId ? [index] : []));
    if (slots.length === 0) {
      const street = found(streetName().get(streetId), 'notFound.street').street;
      throw new DomainError('route.streetNotOnRoute', { number: routeNumber(routeId), street });
    }
    const ids = rows.map((row) => row.pointId);
    const street = slots.map((slot) => ids[slot]!);
    slots.forEach((slot, k) => (ids[slot] = street[street.length - 1 - k]!));
    return renumbered(ids, new Map(rows.map((row) => [row.pointId, row.seq])));
  };

  /** What an edit would change, without changing it: the audit's "before" and the edit itself agree on it. */
  const plan = (routeId: number, change: WalkChange): PlaceChange[] => {
    routeNumber(routeId);
    switch (change.kind) {
      case 'move':
        return moved(routeId, change.pointIds, (first) => first + change.by);
      case 'moveTo':
        return moved(routeId, change.pointIds, () => change.position - 1);
      case 'reverseStreet':
        return reversed(routeId, change.streetId);
      case 'renumber':
        return settled()
          .all({ routeId })
          .filter((place) => place.from !== place.to);
      case 'addressOrder':
        return addressPlaces()
          .all({ routeId })
          .filter((place) => place.from !== place.to);
    }
  };

  return {
    plan,
    list(routeId: number): WalkRow[] {
      routeNumber(routeId);
      return list()
        .all(routeId)
        .map((row) => ({
          ...withAddress(row),
          street: `${row.streetKind} ${row.streetName}`,
          house: row.house,
          apartment: row.apartment,
        }));
    },
    change(routeId: number, change: WalkChange): WalkChangeResult {
      const places = plan(routeId, change);
      if (places.length > 0) write().run({ routeId, places: JSON.stringify(places.map((place) => [place.pointId, place.to])) });
      return { changed: places.length, places: Object.fromEntries(places.map((place) => [place.pointId, place.to])) };
    },
    /**
     * After points joined the route (their place cleared): each goes beside its address neighbours,
     * and the route is numbered 1..n again. One statement, whatever the number of points.
     */
    settle(routeId: number): void {
      settle().run({ routeId });
    },
    /** After points left these routes: the rest keep their order, numbered 1..n again. */
    closeGaps(routeIds: readonly number[]): void {
      if (routeIds.length > 0) closeGaps().run({ routeIds: JSON.stringify(routeIds) });
    },
  };
}

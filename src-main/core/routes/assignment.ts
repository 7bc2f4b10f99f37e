import type { AssignPreview, AssignResult, PointSelector } from '../../../shared/contract/routes';
import type { Db } from '../../db/open';
import { DomainError, found } from '../errors';
import { walkSequence } from './walk-sequence';

/**
 * Putting metering points on a route. A point lives on one route at most; taking it from another
 * route is a move the user must confirm, because that other route's controller loses the address.
 * A point that joins a route takes its place in the walk beside its address neighbours; the routes
 * it leaves keep their order, closed up (walk-sequence.ts).
 */
export function routeAssignment(db: Db) {
  // Each selector kind is one prepared statement; the ids travel as a JSON array parameter.
  const selectors: Record<PointSelector['kind'], string> = {
    houses: 'SELECT p.id, p.route_id FROM metering_points p WHERE p.house_id IN (SELECT value FROM json_each(@ids))',
    settlement: `SELECT p.id, p.route_id FROM metering_points p JOIN houses h ON h.id = p.house_id
      JOIN streets st ON st.id = h.street_id WHERE st.settlement_id = @settlementId`,
    points: 'SELECT p.id, p.route_id FROM metering_points p WHERE p.id IN (SELECT value FROM json_each(@ids))',
  };
  interface RouteGroup {
    routeId: number | null;
    number: number | null;
    name: string | null;
    count: number;
  }
  const statementsFor = (sql: string) => ({
    groups: db.prepare<Record<string, unknown>, RouteGroup>(`
      SELECT sel.route_id AS routeId, r.number, r.name, count(*) AS count
      FROM (${sql}) sel LEFT JOIN routes r ON r.id = sel.route_id
      GROUP BY sel.route_id ORDER BY r.number`),
    assign: db.prepare(`UPDATE metering_points SET route_id = @routeId, walk_seq = NULL
      WHERE id IN (SELECT id FROM (${sql})) AND route_id IS NOT @routeId`),
  });
  const byKind = {
    houses: statementsFor(selectors.houses),
    settlement: statementsFor(selectors.settlement),
    points: statementsFor(selectors.points),
  };
  const routeExists = db.prepare<[number], { id: number }>('SELECT id FROM routes WHERE id = ?');
  const removeFromRoute = db.prepare(
    'UPDATE metering_points SET route_id = NULL, walk_seq = NULL WHERE route_id = @routeId AND id IN (SELECT value FROM json_each(@ids))',
  );
  const sequence = walkSequence(db);

  const params = (selector: PointSelector): Record<string, unknown> => {
    switch (selector.kind) {
      case 'houses':
        return { ids: JSON.stringify(selector.houseIds) };
      case 'points':
        return { ids: JSON.stringify(selector.pointIds) };
      case 'settlement':
        return { settlementId: selector.settlementId };
    }
  };

  const preview = (routeId: number, selector: PointSelector): AssignPreview => {
    found(routeExists.get(routeId), 'notFound.route');
    const result: AssignPreview = { total: 0, alreadyOnRoute: 0, free: 0, onOtherRoutes: [] };
    for (const group of byKind[selector.kind].groups.all(params(selector))) {
      result.total += group.count;
      if (group.routeId === null) result.free += group.count;
      else if (group.routeId === routeId) result.alreadyOnRoute += group.count;
      else result.onOtherRoutes.push({ routeId: group.routeId, number: group.number!, name: group.name!, count: group.count });
    }
    return result;
  };

  return {
    preview,
    assign(routeId: number, selector: PointSelector, confirmMove: boolean): AssignResult {
      const before = preview(routeId, selector);
      if (before.total === 0) throw new DomainError('route.nothingSelected');
      const moving = before.onOtherRoutes.reduce((sum, group) => sum + group.count, 0);
      if (moving > 0 && !confirmMove) {
        throw new DomainError('route.moveNeedsConfirmation', { count: moving }, undefined, before);
      }
      const changed = byKind[selector.kind].assign.run({ ...params(selector), routeId }).changes;
      if (changed > 0) {
        sequence.closeGaps(before.onOtherRoutes.map((group) => group.routeId));
        sequence.settle(routeId);
      }
      return { assigned: changed - moving, moved: moving, alreadyOnRoute: before.alreadyOnRoute };
    },
    remove(routeId: number, pointIds: number[]): number {
      found(routeExists.get(routeId), 'notFound.route');
      const removed = removeFromRoute.run({ routeId, ids: JSON.stringify(pointIds) }).changes;
      if (removed > 0) sequence.closeGaps([routeId]);
      return removed;
    },
  };
}

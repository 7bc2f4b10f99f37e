import type Database from 'better-sqlite3';

/**
 * The demo route the warning tests form their tasks on: the largest one of 20–500 connected points,
 * so it holds debtors old enough to warn; with its connected points in id order.
 */
export function warningRoute(db: Database.Database) {
  const route = db
    .prepare<[], { id: number; number: number; name: string }>(
      `SELECT r.id, r.number, r.name FROM routes r JOIN metering_points p ON p.route_id = r.id
       WHERE p.status = 'connected' GROUP BY r.id HAVING count(p.id) BETWEEN 20 AND 500 ORDER BY count(p.id) DESC LIMIT 1`,
    )
    .get()!;
  const points = db
    .prepare<[number], { id: number }>("SELECT id FROM metering_points WHERE route_id = ? AND status = 'connected' ORDER BY id")
    .all(route.id)
    .map((point) => point.id);
  return { route, points };
}

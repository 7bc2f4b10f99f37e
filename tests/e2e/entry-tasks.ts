import type { Page } from '@playwright/test';
import type Database from 'better-sqlite3';
import { rpc } from './fixtures';

// Tasks for the entry tests, made through the API on the demo district, and what they hold in the database.

export interface Candidate {
  pointId: number;
  prev: number;
  digits: number;
}

/** A route and a task over the given points, made through the API; the entry itself is typed. */
export async function taskOver(page: Page, db: Database.Database, pointIds: number[]): Promise<number> {
  const { number } = db.prepare<[], { number: number }>('SELECT max(number) + 1 AS number FROM routes').get()!;
  const route = await rpc<{ id: number }>(page, 'routes.save', { number, name: 'Розноска', sectionId: null, executorId: null });
  await rpc(page, 'routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds }, confirmMove: true });
  const { taskId } = await rpc<{ taskId: number }>(page, 'tasks.form', {
    routeId: route.id,
    taskDate: '2026-11-20',
    criteria: { includeDisconnected: true },
    sortOrder: 'address',
  });
  return taskId;
}

/** Points with a previous control reading and room below 99…9 for the consumption a test types. */
export const candidates = (db: Database.Database, limit: number, offset = 0, lastReadBy = '2026-09-21') =>
  db
    .prepare<[string, number, number], Candidate>(
      `SELECT p.id AS pointId, m.digits, (SELECT r.value FROM readings r WHERE r.point_id = p.id AND r.kind = 'control'
         ORDER BY r.taken_on DESC, r.id DESC LIMIT 1) AS prev
       FROM metering_points p JOIN meters m ON m.point_id = p.id
       WHERE prev IS NOT NULL AND prev + 5000 < power(10, m.digits) AND NOT EXISTS (SELECT 1 FROM task_positions tp WHERE tp.point_id = p.id)
         -- connected: any use on a disconnected point is a question of its own
         AND p.status = 'connected'
         -- by default two months or more since the last control reading: 1,500 a month allows any step these tests call plausible
         AND (SELECT max(r.taken_on) FROM readings r WHERE r.point_id = p.id AND r.kind = 'control') <= ?
       ORDER BY p.id LIMIT ? OFFSET ?`,
    )
    .all(lastReadBy, limit, offset);

export const positions = (db: Database.Database, taskId: number) =>
  db
    .prepare<
      [number],
      {
        seq: number;
        pointId: number;
        status: string;
        value: number | null;
        reason: number | null;
        overMax: number | null;
        below: number | null;
        rollover: number | null;
        consumption: number | null;
      }
    >(
      `SELECT tp.seq, tp.point_id AS pointId, tp.status, r.value, tp.reason_code AS reason, r.over_max_accepted AS overMax,
         r.below_previous_confirmed AS below, r.rollover, r.consumption
       FROM task_positions tp LEFT JOIN readings r ON r.task_position_id = tp.id WHERE tp.task_id = ? ORDER BY tp.seq`,
    )
    .all(taskId);

/** A task over the given points; its positions in task order, and the previous reading each is typed from. */
export async function taskInOrder(page: Page, db: Database.Database, points: Candidate[]) {
  const taskId = await taskOver(
    page,
    db,
    points.map((p) => p.pointId),
  );
  const order = positions(db, taskId);
  const prevs = order.map((pos) => points.find((p) => p.pointId === pos.pointId)!.prev);
  return { taskId, order, prevs };
}

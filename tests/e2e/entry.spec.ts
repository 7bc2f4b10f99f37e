import type { Page } from '@playwright/test';
import type Database from 'better-sqlite3';
import { expect, rpc, test } from './fixtures';
import { ReadingEntry } from './pages/reading-entry';

interface Candidate {
  pointId: number;
  prev: number;
  digits: number;
}

/** A route and a task over the given points, made through the API; the entry itself is typed. */
async function taskOver(page: Page, db: Database.Database, pointIds: number[]): Promise<number> {
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
const candidates = (db: Database.Database, limit: number, offset = 0) =>
  db
    .prepare<[number, number], Candidate>(
      `SELECT p.id AS pointId, m.digits, (SELECT r.value FROM readings r WHERE r.point_id = p.id AND r.kind = 'control'
         ORDER BY r.taken_on DESC, r.id DESC LIMIT 1) AS prev
       FROM metering_points p JOIN meters m ON m.point_id = p.id
       WHERE prev IS NOT NULL AND prev + 5000 < power(10, m.digits) AND NOT EXISTS (SELECT 1 FROM task_positions tp WHERE tp.point_id = p.id)
       ORDER BY p.id LIMIT ? OFFSET ?`,
    )
    .all(limit, offset);

const positions = (db: Database.Database, taskId: number) =>
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
      }
    >(
      `SELECT tp.seq, tp.point_id AS pointId, tp.status, r.value, tp.reason_code AS reason, r.over_max_accepted AS overMax,
         r.below_previous_confirmed AS below, r.rollover
       FROM task_positions tp LEFT JOIN readings r ON r.task_position_id = tp.id WHERE tp.task_id = ? ORDER BY tp.seq`,
    )
    .all(taskId);

test('200 readings typed blind at full speed land on their own accounts, once each', async ({ app, db }) => {
  // About 1,400 keystrokes, none waited for: on a 2-core machine shared with another worker they take
  // close to a minute on their own, so the test gets three times the usual budget (not fewer keys).
  test.slow();
  const points = candidates(db, 200);
  expect(points).toHaveLength(200);
  const taskId = await taskOver(
    app,
    db,
    points.map((p) => p.pointId),
  );
  const order = positions(db, taskId);
  const byPoint = new Map(points.map((p) => [p.pointId, p]));
  const expected = order.map((pos) => byPoint.get(pos.pointId)!.prev + ((pos.seq * 37) % 400) + 1);
  const entry = new ReadingEntry(app);
  await entry.open(taskId);

  // Nothing waited for between readings: the keys go in as fast as the keyboard sends them.
  for (const value of expected) await entry.typeReading(value);

  await expect(entry.summary).toContainText('Виконано: 200', { timeout: 60_000 });
  const saved = positions(db, taskId);
  expect(saved.map((p) => p.value)).toEqual(expected);
  expect(saved.every((p) => p.status === 'executed')).toBe(true);
  expect(
    db
      .prepare('SELECT count(*) AS n FROM readings WHERE task_position_id IN (SELECT id FROM task_positions WHERE task_id = ?)')
      .get(taskId),
  ).toEqual({ n: 200 });
});

test('over the maximum and below the previous reading are settled by keyboard', async ({ app, db }) => {
  const points = candidates(db, 3, 300);
  const rollover = db
    .prepare<[], Candidate>(
      `SELECT p.id AS pointId, m.digits, (SELECT r.value FROM readings r WHERE r.point_id = p.id AND r.kind = 'control'
         ORDER BY r.taken_on DESC, r.id DESC LIMIT 1) AS prev
       FROM metering_points p JOIN meters m ON m.point_id = p.id
       WHERE prev >= power(10, m.digits) - 1000 AND NOT EXISTS (SELECT 1 FROM task_positions tp WHERE tp.point_id = p.id) LIMIT 1`,
    )
    .get();
  expect(rollover, 'the demo district has meters near rollover').toBeDefined();
  const taskId = await taskOver(app, db, [...points.map((p) => p.pointId), rollover!.pointId]);
  const order = positions(db, taskId);
  const prevOf = (seq: number) => [...points, rollover!].find((p) => p.pointId === order[seq - 1]!.pointId)!;
  const entry = new ReadingEntry(app);
  const { op, plausibility } = entry;
  const { dialog } = plausibility;
  await entry.open(taskId);

  let overMaxSeq = 0;
  for (let seq = 1; seq <= 4; seq++) {
    await expect(entry.seq).toHaveText(`Позиція ${seq} з 4`);
    const { prev, digits } = prevOf(seq);
    if (prev === rollover!.prev) {
      const value = 25;
      await entry.typeReading(value);
      await expect(dialog).toContainText(`Перехід лічильника через нуль: споживання ${10 ** digits - prev + value}`);
      await plausibility.answerable();
      await op.press('Enter');
    } else if (overMaxSeq === 0) {
      overMaxSeq = seq;
      await entry.typeReading(prev + 2000);
      await expect(dialog).toContainText('перевищує «Макс. споживання» (1500');
      await plausibility.answerable();
      await op.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(entry.value).toBeFocused();
      await entry.typeReading(prev + 2001);
      await plausibility.answerable();
      await op.press('Enter');
    } else {
      await entry.typeReading(prev - 10);
      await expect(dialog).toContainText(`менший за попередній контрольний (${prev})`);
      await plausibility.answerable();
      await plausibility.repeatReading(prev - 11);
      await expect(plausibility.error).toHaveText('Повторно введений показник не збігається з першим — перевірте значення.');
      await plausibility.retypeReading(prev - 10);
    }
  }
  await expect(entry.summary).toContainText('Прийнято понад максимум: 1');
  const saved = positions(db, taskId);
  for (const [index, pos] of saved.entries()) {
    const { prev } = prevOf(index + 1);
    if (prev === rollover!.prev) expect(pos).toMatchObject({ value: 25, rollover: 1 });
    else if (index + 1 === overMaxSeq) expect(pos).toMatchObject({ value: prev + 2001, overMax: 1 });
    else expect(pos).toMatchObject({ value: prev - 10, below: 1 });
  }
});

test('a non-execution reason is picked by keyboard and saved without a reading', async ({ app, db }) => {
  const points = candidates(db, 2, 400);
  const taskId = await taskOver(
    app,
    db,
    points.map((p) => p.pointId),
  );
  const entry = new ReadingEntry(app);
  await entry.open(taskId);
  await entry.notExecuted('Нікого');
  await expect(entry.value).toBeDisabled();
  await expect(entry.execute).toBeFocused();
  await entry.op.press('Enter');
  await expect(entry.seq).toHaveText('Позиція 2 з 2');
  expect(positions(db, taskId)[0]).toMatchObject({ status: 'not_executed', reason: 2, value: null });
});

test('after a reload entry resumes at the first position not yet entered', async ({ app, db }) => {
  const points = candidates(db, 5, 450);
  const taskId = await taskOver(
    app,
    db,
    points.map((p) => p.pointId),
  );
  const order = positions(db, taskId);
  const entry = new ReadingEntry(app);
  await entry.open(taskId);
  for (const pos of order.slice(0, 3)) await entry.typeReading(points.find((p) => p.pointId === pos.pointId)!.prev + 5);
  await expect(entry.seq).toHaveText('Позиція 4 з 5');
  await app.reload();
  await expect(entry.seq).toHaveText('Позиція 4 з 5');
  await expect(entry.value).toBeFocused();
  expect(positions(db, taskId).map((p) => p.status)).toEqual(['executed', 'executed', 'executed', 'new', 'new']);
});

test('keys typed ahead of a dialog wait for the next position; the dialog takes only its own', async ({ app, db }) => {
  const points = candidates(db, 4, 500);
  const taskId = await taskOver(
    app,
    db,
    points.map((p) => p.pointId),
  );
  const order = positions(db, taskId).map((pos) => points.find((p) => p.pointId === pos.pointId)!.prev);
  const values = [order[0]! + 10, order[1]! + 3000, order[2]! + 20, order[3]! + 30];
  const entry = new ReadingEntry(app);
  await entry.open(taskId);

  // Typed blind: the second reading is over the maximum, the operator keeps typing the third and fourth.
  for (const value of values) await entry.typeReading(value);
  await expect(entry.plausibility.dialog).toContainText('перевищує «Макс. споживання»');
  await entry.plausibility.answerable();
  await expect(entry.seq, 'the keys typed meanwhile did not move on').toHaveText('Позиція 2 з 4');
  await entry.op.press('Enter');

  await expect(entry.summary).toContainText('Виконано: 4');
  const saved = positions(db, taskId);
  expect(saved.map((p) => p.value)).toEqual(values);
  expect(saved.map((p) => p.overMax)).toEqual([0, 1, 0, 0]);
});

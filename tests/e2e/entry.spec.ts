import { candidates, positions, taskInOrder, taskOver, type Candidate } from './entry-tasks';
import { arrange, expect, test } from './fixtures';
import { ReadingEntry } from './pages/reading-entry';

// These workflows are about the keyboard loop and the monthly maximum, which judges a point without
// enough history of its own: here every point counts as such (the bands are checks-queue.spec's).
test.beforeEach(({ district }) => arrange(district, "UPDATE settings SET value = '50' WHERE key = 'validation.minHistoryReadings'"));

test('200 readings typed blind at full speed land on their own accounts, once each', async ({ app, db }) => {
  // About 1,400 keystrokes, none waited for: on a 2-core machine shared with another worker they take
  // close to a minute on their own, so the test gets three times the usual budget (not fewer keys).
  test.slow();
  const points = candidates(db, 200);
  expect(points).toHaveLength(200);
  const { taskId, order } = await taskInOrder(app, db, points);
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

test('over the maximum, a rollover over it too, and below the previous reading are settled by their own keys', async ({ app, db }) => {
  const points = candidates(db, 3, 0);
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
  // 10 a month: a wrap of up to 1,025 is over it too, so the rollover needs both confirmations at once.
  await entry.setMax('electricity', 10);

  let overMaxSeq = 0;
  for (let seq = 1; seq <= 4; seq++) {
    await expect(entry.seq).toHaveText(`Позиція ${seq} з 4`);
    const { prev } = prevOf(seq);
    if (prev === rollover!.prev) {
      await entry.typeReading(25);
      await expect(dialog).toContainText('перейшов через нуль');
      await expect(dialog).toContainText('більше допустимого');
      await op.press('Enter', '0', 'Enter');
      await expect(dialog, 'the rhythm keys did not answer it').toBeVisible();
      await plausibility.accept();
    } else if (overMaxSeq === 0) {
      overMaxSeq = seq;
      await entry.typeReading(prev + 2000);
      await expect(dialog).toContainText('більше допустимого');
      await op.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(entry.value).toBeFocused();
      await entry.typeReading(prev + 2001);
      await expect(dialog).toBeVisible();
      await plausibility.accept();
    } else {
      await entry.typeReading(prev - 10);
      await expect(dialog).toContainText(
        `менший за попередній контрольний (${new Intl.NumberFormat('uk-UA').format(prev).replace(/\s/g, ' ')})`,
      );
      await plausibility.accept();
      await plausibility.repeatReading(prev - 11);
      await expect(plausibility.error).toHaveText('Повторно введений показник не збігається з першим — перевірте значення.');
      // A number, not text: leading zeros type the same reading.
      await plausibility.retypeReading(`00${prev - 10}`);
    }
  }
  await expect(entry.summary).toContainText('Прийнято понад максимум: 2');
  const saved = positions(db, taskId);
  for (const [index, pos] of saved.entries()) {
    const { prev, digits } = prevOf(index + 1);
    if (prev === rollover!.prev) expect(pos).toMatchObject({ value: 25, rollover: 1, overMax: 1 });
    else if (index + 1 === overMaxSeq) expect(pos).toMatchObject({ value: prev + 2001, overMax: 1 });
    else expect(pos).toMatchObject({ value: prev - 10, below: 1 });
    if (prev === rollover!.prev)
      expect(pos.consumption, 'a rollover is stored as the positive consumption it implies').toBe(10 ** digits - prev + 25);
  }
});

test('a non-execution reason is picked by keyboard and saved without a reading', async ({ app, db }) => {
  const points = candidates(db, 2, 0);
  const { taskId } = await taskInOrder(app, db, points);
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
  const points = candidates(db, 5, 0);
  const { taskId, prevs } = await taskInOrder(app, db, points);
  const entry = new ReadingEntry(app);
  await entry.open(taskId);
  for (const prev of prevs.slice(0, 3)) await entry.typeReading(prev + 5);
  await expect(entry.seq).toHaveText('Позиція 4 з 5');
  await app.reload();
  await expect(entry.seq).toHaveText('Позиція 4 з 5');
  await expect(entry.value).toBeFocused();
  expect(positions(db, taskId).map((p) => p.status)).toEqual(['executed', 'executed', 'executed', 'new', 'new']);
});

test('a normal six months since the last control reading is not flagged, a true spike over the same gap is', async ({
  app,
  db,
  district,
}) => {
  const points = candidates(db, 2, 0, '2026-05-19');
  // Both last read on 20 May: six months before the check on 20 November.
  for (const { pointId, prev } of points) {
    arrange(district, "INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, '2026-05-20', ?, 'control')", pointId, prev);
  }
  const { taskId, prevs } = await taskInOrder(app, db, points);
  const entry = new ReadingEntry(app);
  await entry.open(taskId);
  await entry.setMax('electricity', 300);
  // 300 a month over 184 days allows 1,816: 1,700 is half a year of ordinary use.
  await entry.typeReading(prevs[0]! + 1700);
  await expect(entry.seq).toHaveText('Позиція 2 з 2');
  await entry.typeReading(prevs[1]! + 4000);
  await expect(entry.plausibility.dialog).toContainText('184 дні');
  await entry.plausibility.accept();
  await expect(entry.summary).toContainText('Прийнято понад максимум: 1');
  expect(positions(db, taskId).map((p) => [p.value, p.overMax])).toEqual([
    [prevs[0]! + 1700, 0],
    [prevs[1]! + 4000, 1],
  ]);
});

test('a mixed gas and electricity session judges each point by its own maximum and unit', async ({ app, db, district }) => {
  const points = candidates(db, 4, 0);
  const gas = points.slice(0, 2).map((p) => p.pointId);
  for (const pointId of gas) arrange(district, "UPDATE metering_points SET commodity = 'gas' WHERE id = ?", pointId);
  const { taskId, order, prevs } = await taskInOrder(app, db, points);
  const entry = new ReadingEntry(app);
  await entry.open(taskId);
  await entry.setMax('gas', 5);
  await entry.setMax('electricity', 5000);
  for (const [index, pos] of order.entries()) {
    await expect(entry.seq).toHaveText(`Позиція ${pos.seq} з 4`);
    const isGas = gas.includes(pos.pointId);
    await expect(entry.page.getByTestId('entry-position')).toContainText(isGas ? 'м³' : 'кВт·год');
    await entry.typeReading(prevs[index]! + 500);
    // 500 in two months or more: far over 5 m³ a month, well within 5,000 kWh.
    if (isGas) {
      await expect(entry.plausibility.dialog).toContainText('м³');
      await entry.plausibility.accept();
    }
  }
  await expect(entry.summary).toContainText('Виконано: 4');
  expect(positions(db, taskId).map((p) => [gas.includes(p.pointId), p.overMax])).toEqual(
    order.map((p) => [gas.includes(p.pointId), gas.includes(p.pointId) ? 1 : 0]),
  );
});

test('a correction keeps the check date its position was entered with', async ({ app, db }) => {
  const points = candidates(db, 2, 0);
  const { taskId, prevs } = await taskInOrder(app, db, points);
  const entry = new ReadingEntry(app);
  await entry.open(taskId);
  await entry.typeReading(prevs[0]! + 5);
  await expect(entry.seq).toHaveText('Позиція 2 з 2');
  // The session's date moves on for the next position…
  await entry.setDate('21.11.2026');
  await entry.typeReading(prevs[1]! + 6);
  await expect(entry.summary).toContainText('Виконано: 2');
  // …and the first position, corrected, keeps its own.
  await entry.op.press('PageUp');
  await expect(entry.seq).toHaveText('Позиція 1 з 2');
  await expect(entry.date).toHaveValue('20.11.2026');
  await entry.value.fill('');
  await entry.typeReading(prevs[0]! + 7);
  await expect(entry.seq).toHaveText('Позиція 1 з 2');
  await expect(entry.page.getByTestId('entry-history')).toBeVisible();
  const dates = db
    .prepare<[number], { checkedOn: string; value: number }>(
      `SELECT tp.checked_on AS checkedOn, r.value FROM task_positions tp JOIN readings r ON r.task_position_id = tp.id
       WHERE tp.task_id = ? ORDER BY tp.seq`,
    )
    .all(taskId);
  expect(dates).toEqual([
    { checkedOn: '2026-11-20', value: prevs[0]! + 7 },
    { checkedOn: '2026-11-21', value: prevs[1]! + 6 },
  ]);
});

import { candidates, positions, taskInOrder } from './entry-tasks';
import { arrange, expect, test } from './fixtures';
import { AccountCard } from './pages/account-card';
import { ReadingEntry } from './pages/reading-entry';

// The monthly maximum judges every point here (the bands are checks-queue.spec's): what is typed is plausible.
test.beforeEach(({ district }) => arrange(district, "UPDATE settings SET value = '50' WHERE key = 'validation.minHistoryReadings'"));

test('a meter found replaced and a broken seal are typed with their readings, and the database holds the change', async ({ app, db }) => {
  const points = candidates(db, 2);
  const { taskId, order, prevs } = await taskInOrder(app, db, points);
  const replacedPoint = order[0]!.pointId;
  const old = db
    .prepare<[number], { serial: string; digits: number }>('SELECT serial, digits FROM meters WHERE point_id = ?')
    .get(replacedPoint)!;
  const entry = new ReadingEntry(app);
  await entry.open(taskId);

  // Position 1: the sheet says the meter was replaced — N-77001, 5 digits, put in at 12; the old one taken off 50 on.
  await entry.meterReplaced({ serial: 'N-77001', model: 'NIK 2104', digits: 5, initial: 12, final: prevs[0]! + 50 });
  // The reading is the new meter's, counted from its initial reading.
  await app.keyboard.type('17');
  await expect(entry.page.getByTestId('entry-consumption')).toHaveText('5');
  await entry.op.press('Enter', 'Enter');
  await expect(entry.seq).toHaveText('Позиція 2 з 2');

  // Position 2: the seal found broken (three down the list: справний, пошкоджений, пломба порушена).
  await entry.meterCondition(3);
  await entry.typeReading(prevs[1]! + 30);
  await expect(entry.summary).toContainText('Виконано: 2');
  await expect(app.getByTestId('entry-summary-queued')).toHaveText('У черзі «Контроль показників»: 1');

  // The card: the new meter, the old one closed by its final reading, the reading counted from the initial one.
  expect(db.prepare('SELECT serial, model, digits, installed_on AS installedOn FROM meters WHERE point_id = ?').get(replacedPoint)).toEqual(
    { serial: 'N-77001', model: 'NIK 2104', digits: 5, installedOn: '2026-11-20' },
  );
  expect(
    db
      .prepare(
        `SELECT h.serial, h.digits, h.removed_on AS removedOn, f.value AS final, f.consumption AS finalConsumption, i.value AS initial,
           h.removed_by AS removedBy FROM meter_history h
         JOIN readings f ON f.id = h.final_reading_id JOIN readings i ON i.id = h.initial_reading_id WHERE h.point_id = ?`,
      )
      .all(replacedPoint),
  ).toEqual([
    {
      serial: old.serial,
      digits: old.digits,
      removedOn: '2026-11-20',
      final: prevs[0]! + 50,
      finalConsumption: 50,
      initial: 12,
      removedBy: 'admin',
    },
  ]);
  const saved = positions(db, taskId);
  expect(saved.map((p) => [p.value, p.consumption])).toEqual([
    [17, 5],
    [prevs[1]! + 30, 30],
  ]);
  // The broken seal is on the second point's card, and its reading waits for a master.
  const second = order[1]!.pointId;
  expect(db.prepare('SELECT condition FROM meters WHERE point_id = ?').get(second)).toEqual({ condition: 'пломба порушена' });
  expect(
    db
      .prepare<[number], { checks: string }>('SELECT checks FROM reading_checks WHERE point_id = ? AND decision IS NULL')
      .all(second)
      .map((row) => JSON.parse(row.checks) as unknown),
  ).toEqual([[{ code: 'meterCondition', condition: 'sealBroken' }]]);

  // Back on position 1, F3: the card's «Лічильник» tab lists the removed meter.
  await entry.op.press('PageUp');
  await expect(entry.seq).toHaveText('Позиція 1 з 2');
  await expect(entry.finding('serial')).toHaveValue('N-77001');
  await entry.op.press('F3');
  const card = new AccountCard(app);
  await expect(card.body).toBeVisible();
  await card.body.getByRole('tab', { name: /Лічильник/ }).click();
  await expect(card.body.getByTestId(`removed-meters-${replacedPoint}`)).toContainText(`№ ${old.serial}`);
  await expect(card.body.getByTestId(`card-meter-${replacedPoint}`)).toContainText('№ N-77001');
});

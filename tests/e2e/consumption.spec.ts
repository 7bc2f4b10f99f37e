import { localToday } from '../../shared/dates';
import { arrange, expect, test } from './fixtures';
import { AccountSearch } from './pages/account-card';

/** The first day of the month `back` months before today's. */
const monthsBack = (today: string, back: number) => {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

test('the account card charts a point’s consumption: a bar for every month its control readings give a figure', async ({
  app,
  district,
  db,
}) => {
  const today = localToday();
  const { pointId, number } = db
    .prepare<[], { pointId: number; number: string }>(
      `SELECT min(p.id) AS pointId, a.number FROM accounts a JOIN metering_points p ON p.account_id = a.id
       GROUP BY a.id HAVING count(*) = 1 ORDER BY a.number LIMIT 1`,
    )
    .get()!;
  // Six control readings on the first of six months: five intervals, each inside one month, one of them unused.
  arrange(district, 'DELETE FROM readings WHERE point_id = ?', pointId);
  for (const [back, value] of [
    [5, 1000],
    [4, 1120],
    [3, 1120],
    [2, 1300],
    [1, 1450],
    [0, 1600],
  ] as const) {
    arrange(
      district,
      "INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, ?, 'control')",
      pointId,
      monthsBack(today, back),
      value,
    );
  }
  const readings = db
    .prepare<[number], { value: number }>("SELECT value FROM readings WHERE point_id = ? AND kind = 'control' ORDER BY taken_on")
    .all(pointId);
  const monthsUsed = readings.filter((reading, index) => index > 0 && reading.value > readings[index - 1]!.value).length;
  expect(monthsUsed).toBe(4);

  const search = new AccountSearch(app);
  await search.open();
  const card = await search.openCard(number);
  const { chart, bars, readings: rows } = await card.consumption(pointId);
  await expect(chart).toBeVisible();
  await expect(bars).toHaveCount(monthsUsed);
  await expect(rows).toHaveCount(readings.length + 1);
  // The newest reading first, with what was used since the one before it.
  await expect(rows.nth(1)).toContainText('1600');
  await expect(rows.nth(1)).toContainText('150');
  await card.close();
});

import { expect, test } from './fixtures';
import { Operator } from './pages';

interface StreetFact {
  settlement: string;
  street: string;
  houses: number;
  points: number;
}

const streetsByRouteState = `
  SELECT s.name AS settlement, st.name AS street, COUNT(DISTINCT h.id) AS houses, COUNT(mp.id) AS points
  FROM streets st
  JOIN settlements s ON s.id = st.settlement_id
  JOIN houses h ON h.street_id = st.id
  JOIN metering_points mp ON mp.house_id = h.id
  GROUP BY st.id
  HAVING SUM(mp.route_id IS NOT NULL) = ?
  ORDER BY COUNT(mp.id) BETWEEN 5 AND 120 DESC, COUNT(mp.id) DESC
  LIMIT 1`;

test('a new user creates a route, assigns a street by keyboard and sees its points', async ({ app, db }) => {
  const free = db.prepare<[number], StreetFact>(streetsByRouteState).get(0);
  expect(free, 'the demo district keeps some streets off every route').toBeDefined();
  const street = free!;
  const section = db.prepare<[], { name: string }>('SELECT name FROM sections ORDER BY id LIMIT 1').get()!;
  const executor = db
    .prepare<[], { fullName: string }>(
      'SELECT full_name AS fullName FROM employees WHERE is_controller = 1 AND active = 1 ORDER BY id LIMIT 1',
    )
    .get()!;
  const op = new Operator(app);

  await op.menu('Довідники', 'Маршрути');
  await expect(app.getByRole('heading', { name: 'Маршрути' })).toBeVisible();

  await op.press('Insert');
  const form = app.getByRole('dialog', { name: 'Новий маршрут' });
  await expect(form.getByLabel('Номер')).toBeFocused();
  await op.type('901');
  await op.press('Tab');
  await op.type(`Нова ${street.street}`);
  await op.press('Tab');
  await op.pick(section.name);
  await op.type(executor.fullName);
  await op.press('Enter', 'Enter');
  await expect(form).toBeHidden();

  // A new route opens on its empty "Точки обліку" tab; F5 goes to assignment by street.
  await expect(app.getByRole('heading', { name: /Маршрут № 901/ })).toBeVisible();
  await expect(app.getByText('Маршрут порожній')).toBeVisible();
  await op.press('F5');
  await expect(app.getByRole('heading', { name: 'Формування маршруту по вулиці' })).toBeVisible();
  await expect(app.getByTestId('assign-settlement')).toBeFocused();
  await op.pick(street.settlement);
  await op.pick(street.street);
  await expect(app.getByTestId('houses').getByRole('checkbox')).toHaveCount(street.houses);
  await expect(op.focused()).toHaveAccessibleName('Вибрати всі');
  await op.press('Space');
  await expect(app.getByText(`Вибрано будинків: ${street.houses}`)).toBeVisible();
  await op.press('Tab', 'Enter');
  await expect(app.getByTestId('status')).toHaveText(`Призначено ${street.points}, перенесено 0, вже були на маршруті 0.`);

  const onRoute = db
    .prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM metering_points mp JOIN routes r ON r.id = mp.route_id WHERE r.number = 901`)
    .get()!;
  expect(onRoute.n).toBe(street.points);

  await app.getByRole('button', { name: 'Точки обліку маршруту' }).focus();
  await op.press('Enter');
  await expect(app.getByRole('tab', { name: /Точки обліку/ })).toContainText(String(street.points));
  const rows = app.getByTestId('route-points').getByRole('row');
  await expect(rows).toHaveCount(Math.min(street.points, 100) + 1);
  await expect(rows.nth(1)).toContainText(street.street);
});

test('moving points off another route needs the user to confirm', async ({ app, db }) => {
  const street = db
    .prepare<[], StreetFact & { streetId: number; fromRoute: number }>(
      `SELECT st.id AS streetId, s.name AS settlement, st.name AS street, COUNT(DISTINCT h.id) AS houses, COUNT(mp.id) AS points,
              MIN(r.number) AS fromRoute
       FROM streets st
       JOIN settlements s ON s.id = st.settlement_id
       JOIN houses h ON h.street_id = st.id
       JOIN metering_points mp ON mp.house_id = h.id
       LEFT JOIN routes r ON r.id = mp.route_id
       GROUP BY st.id
       HAVING COUNT(mp.route_id) = COUNT(mp.id) AND COUNT(DISTINCT mp.route_id) = 1
       ORDER BY COUNT(mp.id) LIMIT 1`,
    )
    .get()!;
  const target = db
    .prepare<[number], { id: number; number: number; name: string }>(
      'SELECT id, number, name FROM routes WHERE number <> ? ORDER BY number LIMIT 1',
    )
    .get(street.fromRoute)!;
  const onTarget = () =>
    db
      .prepare<[number, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM metering_points mp JOIN houses h ON h.id = mp.house_id WHERE h.street_id = ? AND mp.route_id = ?',
      )
      .get(street.streetId, target.id)!.n;
  const op = new Operator(app);

  await op.menu('Робота з абонентом', 'Формування маршруту по вулиці');
  await expect(app.getByTestId('assign-route')).toBeFocused();
  await op.pick(`${target.number} — ${target.name}`);
  await op.pick(street.settlement);
  await op.pick(street.street);
  // Typed ahead: Space and F9 go in before the houses have arrived.
  await op.press('Space', 'F9');

  const dialog = app.getByRole('dialog', { name: 'Перенести точки обліку?' });
  await expect(dialog).toContainText(`маршрут № ${street.fromRoute}`);
  await expect(dialog).toContainText(`${street.points} ТО`);
  await op.press('Escape');
  await expect(dialog).toBeHidden();
  expect(onTarget(), 'Esc keeps the points where they were').toBe(0);

  await op.press('F9');
  await expect(dialog).toBeVisible();
  await op.press('Enter');
  await expect(app.getByTestId('status')).toHaveText(`Призначено 0, перенесено ${street.points}, вже були на маршруті 0.`);
  expect(onTarget()).toBe(street.points);
});

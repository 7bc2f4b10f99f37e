import { expect, test } from './fixtures';
import { AssignByStreet } from './pages/assign-by-street';
import { RouteCard } from './pages/route-card';
import { RoutesList } from './pages/routes-list';
import { Workstation } from './pages/workstation';

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
  const routes = new RoutesList(app);
  const card = new RouteCard(app);
  const assign = new AssignByStreet(app);
  const { op, status } = new Workstation(app);

  await routes.open();
  const form = await routes.insert();
  await form.fill({ number: 901, name: `Нова ${street.street}`, section: section.name, executor: executor.fullName });
  await expect(form.dialog).toBeHidden();

  // A new route opens on its empty "Точки обліку" tab; F5 goes to assignment by street.
  await expect(card.heading(901)).toBeVisible();
  await expect(card.empty).toBeVisible();
  await card.assignByStreet();
  await expect(assign.heading).toBeVisible();
  await expect(assign.settlement).toBeFocused();
  await op.pick(street.settlement);
  await op.pick(street.street);
  await expect(assign.houses).toHaveCount(street.houses);
  await expect(op.focused()).toHaveAccessibleName('Вибрати всі');
  await op.press('Space');
  await expect(assign.selected(street.houses)).toBeVisible();
  await op.press('Tab', 'Enter');
  await expect(status).toHaveText(`Призначено ${street.points}, перенесено 0, вже були на маршруті 0.`);

  const onRoute = db
    .prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM metering_points mp JOIN routes r ON r.id = mp.route_id WHERE r.number = 901`)
    .get()!;
  expect(onRoute.n).toBe(street.points);

  await assign.toRoutePoints();
  await expect(card.pointsTab).toContainText(String(street.points));
  await expect(card.pointRows).toHaveCount(Math.min(street.points, 100) + 1);
  await expect(card.pointRows.nth(1)).toContainText(street.street);
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
  const assign = new AssignByStreet(app);
  const { op, status } = new Workstation(app);

  await assign.open();
  await op.pick(`${target.number} — ${target.name}`);
  await op.pick(street.settlement);
  await op.pick(street.street);
  // Typed ahead: Space and F9 go in before the houses have arrived.
  await op.press('Space', 'F9');

  const dialog = assign.moveDialog;
  await expect(dialog).toContainText(`маршрут № ${street.fromRoute}`);
  await expect(dialog).toContainText(`${street.points} ТО`);
  await op.press('Escape');
  await expect(dialog).toBeHidden();
  expect(onTarget(), 'Esc keeps the points where they were').toBe(0);

  await op.press('F9');
  await expect(dialog).toBeVisible();
  await op.press('Enter');
  await expect(status).toHaveText(`Призначено 0, перенесено ${street.points}, вже були на маршруті 0.`);
  expect(onTarget()).toBe(street.points);
});

test('a street typed and left with Tab before its list arrives is still the one taken', async ({ app, db }) => {
  const street = db.prepare<[number], StreetFact>(streetsByRouteState).get(0)!;
  const route = db.prepare<[], { number: number; name: string }>('SELECT number, name FROM routes ORDER BY number LIMIT 1').get()!;
  // The street list comes late, as on a busy workstation: the operator has typed on long before.
  await app.route('**/api/rpc', async (request) => {
    if ((request.request().postDataJSON() as { channel?: string }).channel !== 'streets.list') return request.fallback();
    await new Promise((wait) => setTimeout(wait, 800));
    await request.fallback();
  });
  const assign = new AssignByStreet(app);
  const { op } = new Workstation(app);
  await assign.open();
  await op.pick(`${route.number} — ${route.name}`);
  await op.pick(street.settlement);
  await op.pick(street.street);
  await expect(assign.houses).toHaveCount(street.houses);
});

import { expect, test } from './fixtures';
import { RouteCard } from './pages/route-card';
import { Workstation } from './pages/workstation';

interface Place {
  pointId: number;
  streetId: number;
  street: string;
  seq: number;
}

test('a master moves a point down the walk by keyboard and walks a street the other way', async ({ app, db }) => {
  // A route whose walk starts on a street of several points and goes on to others.
  const route = db
    .prepare<[], { id: number; number: number }>(
      `SELECT r.id, r.number FROM routes r JOIN metering_points p ON p.route_id = r.id JOIN houses h ON h.id = p.house_id
       GROUP BY r.id HAVING count(DISTINCT h.street_id) >= 3 AND count(*) BETWEEN 20 AND 600 ORDER BY r.number LIMIT 1`,
    )
    .get()!;
  const walk = db.prepare<[number], Place>(
    `SELECT p.id AS pointId, st.id AS streetId, st.kind || ' ' || st.name AS street, p.walk_seq AS seq
     FROM metering_points p JOIN houses h ON h.id = p.house_id JOIN streets st ON st.id = h.street_id
     WHERE p.route_id = ? ORDER BY p.walk_seq`,
  );
  const before = walk.all(route.id);
  expect(before.map((place) => place.seq)).toEqual(before.map((_, index) => index + 1));
  const card = new RouteCard(app);
  const { op, status } = new Workstation(app);

  await new Workstation(app).goto(`#/routes/${route.id}/points`);
  await expect(card.heading(route.number)).toBeVisible();
  await card.openWalkOrder();
  await expect(card.walkRows).toHaveCount(before.length + 1);
  await expect(card.activeWalkRow()).toContainText(before[0]!.street.replace(/^\S+ /, ''));

  // The first point two places down: the next two come up one each; the cursor stays on it.
  await op.press('Control+ArrowDown', 'Control+ArrowDown');
  const moved = [before[1]!, before[2]!, before[0]!, ...before.slice(3)].map((place) => place.pointId);
  await expect.poll(() => walk.all(route.id).map((place) => place.pointId)).toEqual(moved);
  await expect(card.activePlace()).toHaveText('3');

  // End: the walk's last row; F7 walks its street the other way, in the places the street holds.
  const now = walk.all(route.id);
  const last = now.at(-1)!;
  expect(now.filter((place) => place.streetId === last.streetId).length, 'the last street has several points').toBeGreaterThan(1);
  expect(last.streetId).not.toBe(now[0]!.streetId);
  await op.press('End');
  await expect(card.activePlace()).toHaveText(String(now.length));
  await op.press('F7');
  const slots = now.flatMap((place, index) => (place.streetId === last.streetId ? [index] : []));
  const reversed = now.map((place) => place.pointId);
  slots.forEach((slot, k) => (reversed[slot] = now[slots[slots.length - 1 - k]!]!.pointId));
  await expect.poll(() => walk.all(route.id).map((place) => place.pointId)).toEqual(reversed);
  expect(walk.all(route.id).map((place) => place.seq)).toEqual(now.map((_, index) => index + 1));
  await expect(status).toContainText(`${last.street}: порядок обходу розвернуто`);
});

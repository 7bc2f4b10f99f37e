import { describe, expect, it } from 'vitest';
import { accessPermille, byScore, districtPermille, fillDay, planCap } from './capacity';
import { planWithinRoutes, type RouteCandidates } from './route-choice';

const points = (count: number, permille: number, firstId = 1, score = 100) =>
  Array.from({ length: count }, (_, i) => ({ pointId: firstId + i, score: score - i, accessPermille: permille }));

describe('the capacity of a day', () => {
  it('takes a point’s access rate from its visits, the district’s without any, and 1 with none in the district', () => {
    expect(accessPermille(10, 4, 1000)).toBe(400);
    expect(accessPermille(3, 1, 1000)).toBe(333);
    expect(accessPermille(0, 0, 650)).toBe(650);
    expect(districtPermille(0, 0)).toBe(1000);
  });

  it('overbooks points read on 40 % of visits: ceil(capacity / 0.4) of them fill the day', () => {
    expect(fillDay(points(200, 400), 45, 500)).toHaveLength(113); // 45 / 0.4 = 112.5
    expect(fillDay(points(200, 400), 4, 500)).toHaveLength(10); // exactly 4 readings, no eleventh
    expect(fillDay(points(200, 1000), 45, 500)).toHaveLength(45);
    // Mixed: the best scores come first, and the day stops once their rates reach the capacity.
    const mixed = [...points(2, 1000, 1, 100), ...points(10, 400, 10, 50)];
    expect(fillDay(mixed, 4, 500).map((p) => p.pointId)).toEqual([1, 2, 10, 11, 12, 13, 14]);
  });

  it('stops at the cap however low the rates, and counts what the master moved in first', () => {
    expect(planCap(45, 300)).toBe(135);
    expect(planCap(45, 100)).toBe(45);
    expect(fillDay(points(500, 0), 45, planCap(45, 300))).toHaveLength(135);
    expect(fillDay(points(50, 1000), 45, 135, { count: 5, expectedPermille: 5000 })).toHaveLength(40);
    expect(fillDay(points(50, 1000), 45, 42, { count: 5, expectedPermille: 5000 })).toHaveLength(37);
  });

  it('ranks by score, then by the better chance of a reading', () => {
    const ranked = [
      { pointId: 1, score: 10, accessPermille: 500 },
      { pointId: 2, score: 20, accessPermille: 100 },
      { pointId: 3, score: 10, accessPermille: 900 },
    ].sort(byScore);
    expect(ranked.map((p) => p.pointId)).toEqual([2, 3, 1]);
  });
});

describe('a day within one or two neighbouring routes', () => {
  const route = (routeId: number, list: ReturnType<typeof points>, streets: number[], settlements = [1]) =>
    ({
      routeId,
      points: list,
      place: () => ({ streets: new Set(streets), settlements: new Set(settlements) }),
    }) satisfies RouteCandidates<(typeof list)[number]>;

  it('stays within the heaviest route when it fills the day, whatever scores the others hold', () => {
    const plan = planWithinRoutes([route(1, points(60, 1000, 1, 100), [1]), route(2, points(5, 1000, 100, 500), [9])], 45, 135);
    expect(plan.routeIds).toEqual([1]);
    expect(plan.points).toHaveLength(45);
  });

  it('adds the neighbour sharing a street before a heavier route further off', () => {
    const plan = planWithinRoutes(
      [
        route(1, points(30, 1000, 1, 200), [1, 2]),
        route(2, points(30, 1000, 100, 150), [5], [2]), // heavier than route 3, but in another settlement
        route(3, points(30, 1000, 200, 100), [2, 3]),
      ],
      45,
      135,
    );
    expect(plan.routeIds).toEqual([1, 3]);
    expect(plan.points).toHaveLength(45);
    expect(plan.points.every((p) => p.pointId < 100 || p.pointId >= 200)).toBe(true);
  });

  it('goes on to a third route only when two cannot fill the day', () => {
    const plan = planWithinRoutes(
      [route(1, points(10, 1000, 1), [1]), route(2, points(10, 1000, 100), [1]), route(3, points(10, 1000, 200), [2])],
      25,
      135,
    );
    expect(plan.routeIds).toEqual([1, 2, 3]);
    expect(plan.points).toHaveLength(25);
  });
});

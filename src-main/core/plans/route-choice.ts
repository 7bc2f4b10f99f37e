import { byScore, fillDay, type Rated } from './capacity';

export interface RouteCandidates<T extends Rated> {
  routeId: number;
  /** The points of the route that are to be visited. */
  points: readonly T[];
  /**
   * Where the route runs: routes sharing a street, or at least a settlement, are neighbours. Asked
   * only when a second route is wanted, which a day filled by one route never needs.
   */
  place: () => RoutePlace;
}

export interface RoutePlace {
  streets: ReadonlySet<number>;
  settlements: ReadonlySet<number>;
}

const shared = (a: ReadonlySet<number>, b: ReadonlySet<number>) => {
  let n = 0;
  for (const item of a) if (b.has(item)) n++;
  return n;
};

/**
 * A day within one route, or two neighbouring ones, where that fills it (docs/domain.md, "The plan
 * for a day"): a controller spread over four routes spends the day walking between them. The
 * route whose most pressing points weigh most comes first; while the day is not full the next is
 * the neighbour sharing most streets with those taken (then a settlement, then the weight), and so
 * on only when two cannot fill it. Within the routes taken, the best scores fill the day.
 */
export function planWithinRoutes<T extends Rated>(
  routes: readonly RouteCandidates<T>[],
  capacity: number,
  cap: number,
  already: { count: number; expectedPermille: number } = { count: 0, expectedPermille: 0 },
): { points: T[]; routeIds: number[] } {
  const weight = new Map(
    routes.map((route) => [
      route.routeId,
      [...route.points]
        .sort(byScore)
        .slice(0, cap)
        .reduce((sum, point) => sum + point.score, 0),
    ]),
  );
  const left = routes.filter((route) => route.points.length > 0);
  const chosen: RouteCandidates<T>[] = [];
  let points: T[] = [];
  const full = () =>
    already.count + points.length >= cap || already.expectedPermille + points.reduce((s, p) => s + p.accessPermille, 0) >= capacity * 1000;
  while (left.length > 0 && (chosen.length === 0 || !full())) {
    const streets = new Set(chosen.flatMap((route) => [...route.place().streets]));
    const settlements = new Set(chosen.flatMap((route) => [...route.place().settlements]));
    // Nearness first, then weight; the lower route id on a tie, so the choice is the same every time.
    const rank = (route: RouteCandidates<T>) =>
      chosen.length === 0
        ? [0, 0, weight.get(route.routeId)!]
        : [shared(route.place().streets, streets), shared(route.place().settlements, settlements), weight.get(route.routeId)!];
    let best = 0;
    for (let i = 1; i < left.length; i++) {
      const [a, b] = [rank(left[i]!), rank(left[best]!)];
      const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]! || left[best]!.routeId - left[i]!.routeId;
      if (cmp > 0) best = i;
    }
    chosen.push(left.splice(best, 1)[0]!);
    points = fillDay(chosen.flatMap((route) => route.points).sort(byScore), capacity, cap, already);
  }
  const taken = new Set(points.map((point) => point.pointId));
  return {
    points,
    routeIds: chosen.filter((route) => route.points.some((point) => taken.has(point.pointId))).map((route) => route.routeId),
  };
}

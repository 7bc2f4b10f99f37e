/**
 * How many points a controller's day holds (docs/domain.md, "The plan for a day"). Not every door
 * opens: a point read on 4 visits of 10 gives 0.4 of a reading a visit, so a day of 45 readings
 * among such points takes ceil(45 / 0.4) = 113 of them. The plan is overbooked by each point's own
 * access rate, so the readings expected fill the day without leaving the controller idle.
 *
 * Rates are whole thousandths, so the sums are exact: ten points at 0.4 make exactly 4 readings.
 */

/** The share of visits that gave a reading, in thousandths; `fallback` without any visit. */
export function accessPermille(visits: number, readings: number, fallback: number): number {
  return visits > 0 ? Math.round((1000 * readings) / visits) : fallback;
}

/** The district's rate over every visit of the window: what a point with no visits of its own is taken to have; 1 with none at all. */
export const districtPermille = (visits: number, readings: number) => accessPermille(visits, readings, 1000);

/** The most points a plan holds, whatever the rates: the capacity times the overbooking allowed. */
export const planCap = (capacity: number, maxOverbookingPercent: number) =>
  Math.max(capacity, Math.floor((capacity * maxOverbookingPercent) / 100));

export interface Rated {
  pointId: number;
  score: number;
  accessPermille: number;
}

/**
 * The points a day takes, best score first, until the readings expected reach the capacity or the
 * plan its cap. What the plan already holds (points the master moved in) counts first.
 * Equivalent to the size ceil(capacity / mean rate of those taken).
 */
export function fillDay<T extends Rated>(
  ranked: readonly T[],
  capacity: number,
  cap: number,
  already: { count: number; expectedPermille: number } = { count: 0, expectedPermille: 0 },
): T[] {
  const taken: T[] = [];
  let expected = already.expectedPermille;
  for (const point of ranked) {
    if (expected >= capacity * 1000 || already.count + taken.length >= cap) break;
    taken.push(point);
    expected += point.accessPermille;
  }
  return taken;
}

/** Best score first; on a tie the point with the better chance of a reading, then the lower id (a stable order). */
export const byScore = (a: Rated, b: Rated) => b.score - a.score || b.accessPermille - a.accessPermille || a.pointId - b.pointId;

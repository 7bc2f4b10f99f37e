import type { ControllerPlan, DayPlans, PlanPoint, PlanReason, WarningProposal } from '../../../shared/contract/plans';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, formatAddress, type AddressParts } from '../addresses/address';
import { accessPermille, planCap, type Rated } from './capacity';
import { planFacts, type Candidate } from './facts';
import { planSettings } from './plan-settings';
import { planWithinRoutes, type RouteCandidates, type RoutePlace } from './route-choice';
import { judgePoint, scorePoint } from './scoring';
import { walkOrder } from './walk-order';

interface Controller {
  id: number;
  fullName: string;
  capacity: number | null;
}

interface Scored extends Rated {
  routeId: number;
  reasons: PlanReason[];
  moved: boolean;
}

interface DisplaySql extends AddressParts {
  pointId: number;
  routeId: number | null;
  routeNumber: number | null;
  accountNumber: string;
  fullName: string;
}

/** A controller's plan with the route of each point (of every plan of the date), which forming needs and the screen does not. */
export interface ComputedPlan extends ControllerPlan {
  routeOf: ReadonlyMap<number, number>;
}

/**
 * Денний план: every active controller's proposal for a date (docs/domain.md, "The plan for a day").
 * Computed when asked from the district as it stands; the master's moves and locks (plan_points,
 * plan_locks) are the only state. A controller whose plan is formed shows its walk tasks' points.
 */
export function dayPlans(db: Db) {
  const settings = planSettings(db);
  const facts = planFacts(db);
  const controllers = db.prepare<{ sectionId: number | null; only: number | null }, Controller>(`
    SELECT e.id, e.full_name AS fullName, e.plan_capacity AS capacity FROM employees e
    WHERE e.is_controller = 1 AND e.active = 1 AND (@only IS NULL OR e.id = @only)
      AND (@sectionId IS NULL OR EXISTS (SELECT 1 FROM routes r WHERE r.executor_id = e.id AND r.section_id = @sectionId))
    ORDER BY e.name_key, e.id`);
  const formedTasks = db.prepare<[string], { id: number; employeeId: number }>(
    `SELECT id, executor_id AS employeeId FROM walk_tasks INDEXED BY walk_tasks_plans
     WHERE task_date = ? AND kind = 'plan' AND executor_id IS NOT NULL ORDER BY id`,
  );
  const formedPositions = db.prepare<{ ids: string }, { taskId: number; pointId: number }>(
    'SELECT task_id AS taskId, point_id AS pointId FROM task_positions WHERE task_id IN (SELECT value FROM json_each(@ids)) ORDER BY task_id, seq',
  );
  const pins = db.prepare<[string], { pointId: number; employeeId: number; moved: number }>(
    'SELECT point_id AS pointId, employee_id AS employeeId, moved FROM plan_points WHERE plan_date = ?',
  );
  const locks = db.prepare<[string], number>('SELECT employee_id FROM plan_locks WHERE plan_date = ?').pluck();
  const display = db.prepare<{ ids: string }, DisplaySql>(`
    SELECT p.id AS pointId, r.id AS routeId, r.number AS routeNumber, a.number AS accountNumber, a.full_name AS fullName,
      ${addressColumns}, p.apartment
    FROM metering_points p JOIN accounts a ON a.id = p.account_id LEFT JOIN routes r ON r.id = p.route_id ${addressJoins('p.house_id')}
    WHERE p.id IN (SELECT value FROM json_each(@ids))
    ORDER BY r.number, ${walkOrder('p')}`);

  // Where a route runs: its streets and settlements, asked of a route only when a day wants a second one.
  const routePlace = db
    .prepare<[number], [number, number]>(
      `SELECT DISTINCT h.street_id, st.settlement_id FROM metering_points p INDEXED BY points_by_walk
       JOIN houses h ON h.id = p.house_id JOIN streets st ON st.id = h.street_id WHERE p.route_id = ?`,
    )
    .raw();
  const places = new Map<number, RoutePlace>();
  const placeOf = (routeId: number): RoutePlace =>
    getOr(places, routeId, () => {
      const rows = routePlace.all(routeId);
      return { streets: new Set(rows.map((row) => row[0])), settlements: new Set(rows.map((row) => row[1])) };
    });

  /**
   * The plans of the date: every active controller's (of the section's routes, when one is asked),
   * or one controller's. Route by route in their numbers, each in its walk sequence.
   */
  const compute = (date: string, scope: { sectionId: number | null; only?: number }): ComputedDay => {
    const s = settings();
    places.clear();
    const people = controllers.all({ sectionId: scope.sectionId, only: scope.only ?? null });
    const tasksOf = new Map<number, number[]>();
    for (const task of formedTasks.all(date)) getOr(tasksOf, task.employeeId, () => []).push(task.id);
    const open = people.filter((person) => !tasksOf.has(person.id));
    const openIds = new Set(open.map((person) => person.id));
    const pinRows = pins.all(date).filter((pin) => openIds.has(pin.employeeId));
    const movedIds = new Set(pinRows.filter((pin) => pin.moved === 1).map((pin) => pin.pointId));
    const pinnedTo = new Map(pinRows.map((pin) => [pin.pointId, pin.employeeId]));
    const locked = new Set(locks.all(date));

    const loaded = facts.load(date, s, { employeeIds: [...openIds], sectionId: scope.sectionId, pinnedIds: [...pinnedTo.keys()] });
    const rate = (c: Candidate) => accessPermille(c.visits, c.readings, loaded.districtPermille);
    const leftOut = { recent: 0, coolOff: 0, sameWeekday: 0 };
    const visitsOf = new Map<number, Map<number, Scored[]>>();
    const proposalsOf = new Map<number, Map<number, string[]>>();
    for (const c of loaded.candidates) {
      if (c.employeeId === null) continue;
      const verdict = judgePoint(c, date, s);
      if (verdict.kind === 'warn') {
        getOr(proposalsOf, c.employeeId, () => new Map<number, string[]>()).set(c.pointId, verdict.refusals);
      } else if (verdict.kind === 'leftOut') {
        if (verdict.why !== 'warned') leftOut[verdict.why]++;
      } else {
        const routes = getOr(visitsOf, c.employeeId, () => new Map<number, Scored[]>());
        const point = {
          pointId: c.pointId,
          routeId: c.routeId,
          score: verdict.score,
          reasons: verdict.reasons,
          accessPermille: rate(c),
          moved: false,
        };
        getOr(routes, c.routeId, () => []).push(point);
      }
    }
    // A point the master moved in or a lock holds is in the plan whatever its verdict: the master has seen it.
    const pinnedOf = new Map<number, Scored[]>();
    for (const c of loaded.pinned) {
      const { score, reasons } = scorePoint(c, date, s);
      const point = { pointId: c.pointId, routeId: c.routeId, score, reasons, accessPermille: rate(c), moved: movedIds.has(c.pointId) };
      getOr(pinnedOf, pinnedTo.get(c.pointId)!, () => []).push(point);
    }

    // Each point shown belongs to one plan: its controller's, as the proposal, a lock, a move or a formed task has it.
    const ownerOf = new Map<number, number>();
    const scoredOf = new Map<number, Scored>();
    const lastScoreOf = new Map<number, number | null>();
    for (const person of open) {
      const capacity = person.capacity ?? s.capacity;
      const pinned = pinnedOf.get(person.id) ?? [];
      let points = pinned;
      if (locked.has(person.id)) {
        lastScoreOf.set(person.id, lowest(pinned));
      } else {
        const routes: RouteCandidates<Scored>[] = [...(visitsOf.get(person.id) ?? new Map<number, Scored[]>())].map(([routeId, list]) => ({
          routeId,
          points: list,
          place: () => placeOf(routeId),
        }));
        const already = { count: pinned.length, expectedPermille: pinned.reduce((sum, p) => sum + p.accessPermille, 0) };
        const proposed = planWithinRoutes(routes, capacity, planCap(capacity, s.maxOverbookingPercent), already).points;
        lastScoreOf.set(person.id, proposed.at(-1)?.score ?? lowest(pinned));
        points = [...pinned, ...proposed];
      }
      for (const point of points) {
        ownerOf.set(point.pointId, person.id);
        scoredOf.set(point.pointId, point);
      }
      for (const pointId of proposalsOf.get(person.id)?.keys() ?? []) ownerOf.set(pointId, person.id);
    }
    const formedTaskIds = [...tasksOf.values()].flat();
    if (formedTaskIds.length > 0) {
      const employeeOfTask = new Map([...tasksOf].flatMap(([employeeId, taskIds]) => taskIds.map((id) => [id, employeeId] as const)));
      for (const row of formedPositions.all({ ids: JSON.stringify(formedTaskIds) }))
        ownerOf.set(row.pointId, employeeOfTask.get(row.taskId)!);
    }

    const pointsOf = new Map<number, PlanPoint[]>();
    const warningsOf = new Map<number, WarningProposal[]>();
    const routeOf = new Map<number, number>();
    const shown = ownerOf.size > 0 ? display.all({ ids: JSON.stringify([...ownerOf.keys()]) }) : [];
    for (const row of shown) {
      const employeeId = ownerOf.get(row.pointId)!;
      const address = formatAddress(row);
      const refusals = proposalsOf.get(employeeId)?.get(row.pointId);
      if (refusals) {
        const { pointId, routeNumber, accountNumber, fullName } = row;
        getOr(warningsOf, employeeId, () => []).push({ pointId, routeNumber, accountNumber, fullName, address, refusals });
        continue;
      }
      if (row.routeId !== null) routeOf.set(row.pointId, row.routeId);
      const own = scoredOf.get(row.pointId);
      getOr(pointsOf, employeeId, () => []).push({
        pointId: row.pointId,
        routeNumber: row.routeNumber,
        accountNumber: row.accountNumber,
        fullName: row.fullName,
        address,
        street: `${row.streetKind} ${row.streetName}`,
        score: own?.score ?? 0,
        reasons: own?.reasons ?? [],
        accessPermille: own?.accessPermille ?? loaded.accessOf(row.pointId),
        moved: own?.moved ?? false,
      });
    }

    const plans = people.map((person): ComputedPlan => {
      const points = pointsOf.get(person.id) ?? [];
      return {
        employeeId: person.id,
        fullName: person.fullName,
        capacity: person.capacity ?? s.capacity,
        points,
        count: points.length,
        expectedTenths: Math.round(points.reduce((sum, p) => sum + p.accessPermille, 0) / 100),
        streets: [...new Set(points.map((p) => p.street))],
        routes: [...new Set(points.map((p) => p.routeNumber).filter((n): n is number => n !== null))],
        lastScore: lastScoreOf.get(person.id) ?? null,
        locked: locked.has(person.id),
        formedTaskIds: tasksOf.get(person.id) ?? [],
        warningProposals: warningsOf.get(person.id) ?? [],
        routeOf,
      };
    });
    return { date, plans, leftOut };
  };

  // What the database holds has not changed while this connection has changed no row and no other
  // connection has committed: then the same question has the same answer. The master looks at the
  // plans (plans.propose) and forms them (plans.form) with nothing written between, and the day of a
  // whole district is not computed twice for it.
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  let last: { key: string; day: ComputedDay } | null = null;
  return (date: string, scope: { sectionId: number | null; only?: number }): ComputedDay => {
    const key = JSON.stringify([date, scope.sectionId, scope.only ?? null, changes.get(), db.pragma('data_version', { simple: true })]);
    if (last?.key === key) return last.day;
    const day = compute(date, scope);
    last = { key, day };
    return day;
  };
}

export type DayPlansOf = ReturnType<typeof dayPlans>;
type ComputedDay = Omit<DayPlans, 'plans'> & { plans: ComputedPlan[] };

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

const lowest = (points: readonly Scored[]) => (points.length === 0 ? null : Math.min(...points.map((p) => p.score)));

import type { Output } from '../../shared/contract/index';
import { createCore } from '../core/app';
import type { Db } from '../db/open';
import { percentile, round, type Figure } from './figures';

const runs = 3;

/** Thrown to roll a measured run back, so each run forms the same day on the same district. */
class RolledBack extends Error {}

/**
 * Денний план for every active controller of the district for one day, as the master's screen asks
 * for it: plans.propose (scores, capacities, routes and walk order for all of them), then
 * plans.form (every plan as walk tasks, one transaction), through the handler registry. Each run is
 * rolled back afterwards; the figure is the median.
 */
export function planDayFigure(db: Db, date: string): Figure {
  const core = createCore(db, {
    version: 'bench',
    today: () => date,
    signedIn: { login: 'bench', fullName: 'Benchmark', role: 'admin' },
  });
  const call = <N extends 'plans.propose' | 'plans.form'>(channel: N, input: unknown): Output<N> => {
    const answer = core.dispatch(channel, input, 'uk');
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as Output<N>;
  };
  const times: number[] = [];
  let last: { controllers: number; points: number; tasks: number; positions: number } | undefined;
  for (let i = 0; i < runs; i++) {
    try {
      db.transaction(() => {
        const started = performance.now();
        const day = call('plans.propose', { date });
        const formed = call('plans.form', { date });
        times.push(performance.now() - started);
        last = {
          controllers: day.plans.length,
          points: day.plans.reduce((sum, plan) => sum + plan.count, 0),
          tasks: formed.taskIds.length,
          positions: formed.positions,
        };
        throw new RolledBack();
      })();
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
  }
  return {
    name: 'plans.form_day_ms',
    value: round(percentile(times, 50), 0),
    unit: 'ms',
    note: `median of ${runs}: plans.propose and plans.form for every controller for ${date}, through the handler registry: ${last?.controllers} controllers, ${last?.points} points, ${last?.tasks} tasks, ${last?.positions} positions`,
  };
}

/**
 * Beside plans.form_day_ms: the candidates the plans choose from — the connected points of every
 * active controller's routes with their last control reading — selected plainly, nothing scored.
 */
export function planRawFigure(db: Db, date: string): Figure {
  const select = db
    .prepare(
      `SELECT p.id, p.route_id, h.street_id, p.complaint_since, p.inspection_since,
         (SELECT max(c.taken_on) FROM readings c WHERE c.point_id = p.id AND c.kind = 'control' AND c.estimated = 0 AND c.taken_on <= ?)
       FROM employees e JOIN routes r ON r.executor_id = e.id JOIN metering_points p ON p.route_id = r.id JOIN houses h ON h.id = p.house_id
       WHERE e.is_controller = 1 AND e.active = 1 AND p.status = 'connected'`,
    )
    .raw();
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    count = select.all(date).length;
    times.push(performance.now() - started);
  }
  return {
    name: 'plans.raw_select_ms',
    value: round(percentile(times, 50), 0),
    unit: 'ms',
    note: `median of ${runs}: plain select of the ${count} candidate points of every controller's routes with their last control reading; compare with plans.form_day_ms`,
  };
}

import type { Core } from '../core/app';
import type { Db } from '../db/open';
import { medianOfRuns, round, wholeJobRuns, type Figure } from './figures';

/**
 * Disconnection orders formed on every route of the district from issued warnings past their
 * earliest cut-off, through the registry as the order form does it route by route. The warnings
 * the warnings figure formed are marked issued beforehand (not timed), as a district would have
 * handed them out by then. The median of three runs: the orders of each run but the last are
 * deleted (not timed), so every run forms from the same warnings.
 */
export function orderFigure(db: Db, core: Core, issuedOn: string, orderDate: string): Figure {
  db.prepare(
    `UPDATE disconnection_warnings SET status = 'issued', issued_how = 'in_hand', issued_on = @issuedOn, received_on = @issuedOn,
       earliest_cutoff_on = @issuedOn WHERE status = 'formed'`,
  ).run({ issuedOn });
  const routes = db
    .prepare<[], { id: number }>('SELECT id FROM routes ORDER BY number')
    .all()
    .map((route) => route.id);
  const points = db.prepare<[], number>('SELECT count(*) FROM metering_points').pluck().get()!;
  const lastId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM disconnection_orders').pluck();
  // Their positions go with them (ON DELETE CASCADE).
  const drop = db.prepare('DELETE FROM disconnection_orders WHERE id > ?');
  const formAll = () => {
    let orders = 0;
    let positions = 0;
    for (const routeId of routes) {
      const answer = core.dispatch('orders.form', { routeId, orderDate, criterion: 'warnings' }, 'uk');
      // A route with no warning due answers «nothing selected»: forming it is part of the work all the same.
      if (answer.ok) {
        orders++;
        positions += (answer.value as { positions: number }).positions;
      }
    }
    return { orders, positions };
  };
  const {
    ms,
    value: { orders, positions },
  } = medianOfRuns(formAll, { mark: () => lastId.get()!, undo: (before) => drop.run(before) });
  return {
    name: 'orders.form_all_ms',
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: orders.form by issued warnings on every route (${routes.length} routes, ${points} points): ${orders} orders, ${positions} positions`,
  };
}

import type { Core } from '../core/app';
import type { Db } from '../db/open';
import { round, type Figure } from './figures';

/**
 * Disconnection orders formed on every route of the district from issued warnings past their
 * earliest cut-off, through the registry as the order form does it route by route. The warnings
 * the warnings figure formed are marked issued beforehand (not timed), as a district would have
 * handed them out by then.
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
  let orders = 0;
  let positions = 0;
  const started = performance.now();
  for (const routeId of routes) {
    const answer = core.dispatch('orders.form', { routeId, orderDate, criterion: 'warnings' }, 'uk');
    // A route with no warning due answers «nothing selected»: forming it is part of the work all the same.
    if (answer.ok) {
      orders++;
      positions += (answer.value as { positions: number }).positions;
    }
  }
  const elapsed = performance.now() - started;
  return {
    name: 'orders.form_all_ms',
    value: round(elapsed, 0),
    unit: 'ms',
    note: `orders.form by issued warnings on every route (${routes.length} routes, 200k points): ${orders} orders, ${positions} positions`,
  };
}

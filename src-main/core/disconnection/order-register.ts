import type { Page } from '../../../shared/contract/define';
import type { ParsedInput } from '../../../shared/contract/index';
import type { OrderDetail, OrderPosition, OrderRow } from '../../../shared/contract/orders';
import type { Db } from '../../db/open';
import { DomainError } from '../errors';
import { debts } from '../ledger/debt';

import { warningRules } from './warning-rules';

type OrderFilter = ParsedInput<'orders.list'>;

/**
 * The register of disconnection orders and one order with its positions as the crew's sheet lists
 * them. A position shows the debt it was formed for beside today's debt, because a cut-off for debt
 * is judged by today's (order-recording.ts).
 */
export function orderRegister(db: Db, today: () => string) {
  const ledger = debts(db);
  const rules = warningRules(db);
  const select = `SELECT o.id, o.name, o.route_id AS routeId, o.order_date AS orderDate, o.criterion, o.status,
      count(op.id) AS positions, coalesce(sum(op.outcome = 'done'), 0) AS done, coalesce(sum(op.outcome = 'not_done'), 0) AS notDone
    FROM disconnection_orders o LEFT JOIN order_positions op ON op.order_id = o.id`;
  const filter = `WHERE (@status = 'all' OR o.status = @status)
      AND (@dateFrom IS NULL OR o.order_date >= @dateFrom) AND (@dateTo IS NULL OR o.order_date <= @dateTo)
      AND (@routeId IS NULL OR o.route_id = @routeId)`;
  const list = db.prepare<OrderFilter, OrderRow>(
    `${select} ${filter} GROUP BY o.id ORDER BY o.order_date DESC, o.route_number, o.id DESC LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<OrderFilter, { n: number }>(`SELECT count(*) AS n FROM disconnection_orders o ${filter}`);
  const one = db.prepare<[number], OrderRow>(`${select} WHERE o.id = ? GROUP BY o.id`);
  const positions = db.prepare<[number], Omit<OrderPosition, 'debtNowKop' | 'paidBelowMinimum'>>(`
    SELECT op.id, op.seq, op.point_id AS pointId, op.account_number AS accountNumber, op.full_name AS fullName, op.address,
      p.commodity, op.basis, op.warning_id AS warningId, op.debt_kop AS debtKop, op.outcome, op.done_at AS doneAt,
      op.executor_id AS executorId, op.executor_name AS executorName, op.seal_number AS sealNumber, op.reading,
      op.not_done_reason AS notDoneReason, op.note
    FROM order_positions op JOIN metering_points p ON p.id = op.point_id
    WHERE op.order_id = ? ORDER BY op.seq`);

  const get = (id: number): OrderDetail => {
    const order = one.get(id);
    if (!order) throw new DomainError('notFound.order');
    const rows = positions.all(id);
    const now = ledger.ofPoints(
      rows.map((row) => row.pointId),
      today(),
    );
    const { minDebtKop } = rules.settings();
    return {
      ...order,
      positionsList: rows.map((row) => {
        const debtNowKop = now.get(row.pointId) ?? 0;
        // The same line order-recording.ts refuses a cut-off at: only a debt basis can be paid off.
        return { ...row, debtNowKop, paidBelowMinimum: row.basis !== 'non_admittance' && debtNowKop < minDebtKop };
      }),
    };
  };

  return {
    list: (input: OrderFilter): Page<OrderRow> => ({ rows: list.all(input), total: count.get(input)!.n }),
    get,
  };
}

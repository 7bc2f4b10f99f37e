import type { ParsedInput } from '../../../shared/contract/index';
import type { OrderBasis, OrderFormResult } from '../../../shared/contract/orders';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, addressOrder, formatAddress, type AddressParts } from '../addresses/address';
import { DomainError, found } from '../errors';
import { debts } from '../ledger/debt';
import { underMoratoriumSql } from '../moratoria/moratoria';
import { warningForming } from './warning-forming';
import { warningRules } from './warning-rules';

type OrderDraft = ParsedInput<'orders.form'>;

interface Candidate extends AddressParts {
  pointId: number;
  accountNumber: string;
  fullName: string;
  apartment: string;
  underMoratorium: number;
  /** The point's issued warnings of each kind whose earliest cut-off date has come by the order date. */
  nonPaymentId: number | null;
  nonAdmittanceId: number | null;
}

interface Picked {
  row: Candidate;
  basis: OrderBasis;
  warningId: number;
  debtKop: number | null;
}

/**
 * Forming a disconnection order for a route as of a date (docs/domain.md, "Disconnection orders").
 *
 * Every criterion starts from the route's connected points that no order «Новий» holds yet, in
 * address order. Nobody is cut off without notice: a point goes into an order only with an issued
 * warning whose earliest cut-off date has come by the order date, and the criterion says which:
 * - 'warnings': the non-payment one while the debt as of the date is still at the minimum (paying
 *   or restructuring before the cut-off stops it, imported or not), else the non-admittance one.
 * - 'debt': the debt as of the date at least the sum asked (never below the minimum, which no
 *   cut-off may be made for), with its non-payment warning.
 * - 'non_admittance': the refusals the non-admittance warning counts, as of the date, with that warning.
 * Points the criterion picked without such a warning, and those in a settlement under a moratorium
 * on the date, are left out and counted, so the master knows why they are missing. With the warning
 * boxes ticked, warnings are formed for the route's other points in the same transaction; the
 * order's own points are blocked by it, as the warning rules say.
 */
export function orderForming(db: Db) {
  const ledger = debts(db);
  const rules = warningRules(db);
  const warnings = warningForming(db);
  const route = db.prepare<[number], { number: number; name: string }>('SELECT number, name FROM routes WHERE id = ?');
  // By the point's index: the status index alone would read every issued warning for each point.
  const dueWarning = (kind: string) => `(SELECT x.id FROM disconnection_warnings x INDEXED BY disconnection_warnings_by_point
      WHERE x.point_id = p.id AND x.kind = '${kind}' AND x.status = 'issued' AND x.earliest_cutoff_on <= @date)`;
  const select = db.prepare<{ routeId: number; date: string }, Candidate>(`
    SELECT p.id AS pointId, a.number AS accountNumber, a.full_name AS fullName, ${addressColumns}, p.apartment,
      ${underMoratoriumSql('se.id')} AS underMoratorium,
      ${dueWarning('non_payment')} AS nonPaymentId, ${dueWarning('non_admittance')} AS nonAdmittanceId
    FROM metering_points p
    JOIN accounts a ON a.id = p.account_id ${addressJoins('p.house_id')}
    WHERE p.route_id = @routeId AND p.status = 'connected'
      AND NOT EXISTS (SELECT 1 FROM order_positions op JOIN disconnection_orders o ON o.id = op.order_id
        WHERE op.point_id = p.id AND o.status = 'new')
    ORDER BY ${addressOrder('p.apartment_key')}`);
  const routePoints = db.prepare<[number], { id: number }>("SELECT id FROM metering_points WHERE route_id = ? AND status = 'connected'");
  const insertOrder =
    db.prepare(`INSERT INTO disconnection_orders (route_id, route_number, name, order_date, criterion, debt_min_kop, created_by)
    VALUES (@routeId, @routeNumber, @name, @orderDate, @criterion, @debtMinKop, @user)`);
  const insertPosition = db.prepare(`INSERT INTO order_positions (order_id, seq, point_id, basis, warning_id, account_number, full_name,
      address, debt_kop)
    VALUES (@orderId, @seq, @pointId, @basis, @warningId, @accountNumber, @fullName, @address, @debtKop)`);

  /** The points the criterion picks, each with its basis and warning, and how many it picked that were never duly warned. */
  const pick = (draft: OrderDraft, rows: Candidate[]): { picked: Picked[]; noNotice: number } => {
    const settings = rules.settings();
    const debtOf = (ids: number[]) => ledger.ofPoints(ids, draft.orderDate);
    if (draft.criterion === 'warnings') {
      const debt = debtOf(rows.filter((row) => row.nonPaymentId !== null).map((row) => row.pointId));
      const picked = rows.flatMap((row): Picked[] => {
        const debtKop = debt.get(row.pointId) ?? 0;
        if (row.nonPaymentId !== null && debtKop >= settings.minDebtKop) {
          return [{ row, basis: 'non_payment', warningId: row.nonPaymentId, debtKop }];
        }
        return row.nonAdmittanceId === null ? [] : [{ row, basis: 'non_admittance', warningId: row.nonAdmittanceId, debtKop: null }];
      });
      return { picked, noNotice: 0 };
    }
    if (draft.criterion === 'debt') {
      if (draft.debtMinKop === null) throw new DomainError('order.debtMinRequired', {}, 'debtMinKop');
      const min = Math.max(draft.debtMinKop, settings.minDebtKop);
      const debt = debtOf(rows.map((row) => row.pointId));
      const owing = rows.filter((row) => (debt.get(row.pointId) ?? 0) >= min);
      const picked = owing.flatMap((row): Picked[] =>
        row.nonPaymentId === null ? [] : [{ row, basis: 'debt', warningId: row.nonPaymentId, debtKop: debt.get(row.pointId) ?? 0 }],
      );
      return { picked, noNotice: owing.length - picked.length };
    }
    const refused = new Set(
      rules
        .refusedVisits(
          rows.map((row) => row.pointId),
          draft.orderDate,
          settings,
        )
        .map((row) => row.pointId),
    );
    const refusing = rows.filter((row) => refused.has(row.pointId));
    const picked = refusing.flatMap((row): Picked[] =>
      row.nonAdmittanceId === null ? [] : [{ row, basis: 'non_admittance', warningId: row.nonAdmittanceId, debtKop: null }],
    );
    return { picked, noNotice: refusing.length - picked.length };
  };

  return {
    form(draft: OrderDraft, user: string): OrderFormResult {
      const r = found(route.get(draft.routeId), 'notFound.route');
      const rows = select.all({ routeId: draft.routeId, date: draft.orderDate });
      const { picked, noNotice } = pick(draft, rows);
      const allowed = picked.filter(({ row }) => row.underMoratorium === 0);
      const name = `${r.number}, ${r.name}`;
      let orderId: number | null = null;
      if (allowed.length > 0) {
        orderId = Number(
          insertOrder.run({
            routeId: draft.routeId,
            routeNumber: r.number,
            name,
            orderDate: draft.orderDate,
            criterion: draft.criterion,
            debtMinKop: draft.criterion === 'debt' ? draft.debtMinKop : null,
            user,
          }).lastInsertRowid,
        );
        allowed.forEach(({ row, basis, warningId, debtKop }, index) =>
          insertPosition.run({
            orderId,
            seq: index + 1,
            pointId: row.pointId,
            basis,
            warningId,
            accountNumber: row.accountNumber,
            fullName: row.fullName,
            address: formatAddress(row),
            debtKop,
          }),
        );
      }
      const formed = warnings.form(
        routePoints.all(draft.routeId).map((point) => point.id),
        draft.orderDate,
        { nonPayment: draft.warnNonPayment, nonAdmittance: draft.warnNonAdmittance },
        { taskId: null, user },
      );
      if (orderId === null && formed.nonPayment + formed.nonAdmittance === 0) {
        throw new DomainError('order.nothingSelected', { number: r.number, moratorium: picked.length, noNotice });
      }
      return {
        orderId,
        name,
        positions: allowed.length,
        skippedMoratorium: picked.length - allowed.length,
        skippedNoNotice: noNotice,
        warnings: formed,
      };
    },
  };
}

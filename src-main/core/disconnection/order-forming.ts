import type { ParsedInput } from '../../../shared/contract/index';
import type { OrderBasis, OrderFormResult } from '../../../shared/contract/orders';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, addressOrder, formatAddress, type AddressParts } from '../addresses/address';
import { DomainError, found } from '../errors';
import { debts } from '../ledger/debt';
import { underMoratoriumSql } from '../moratoria/moratoria';
import { warningForming } from './warning-forming';
import { shiftDays, warningRules } from './warning-rules';

type OrderDraft = ParsedInput<'orders.form'>;

interface Candidate extends AddressParts {
  pointId: number;
  accountNumber: string;
  fullName: string;
  apartment: string;
  underMoratorium: number;
  /** The issued warning the criterion found, or the point's issued warning of the matching kind. */
  warningId: number | null;
  warningKind: 'non_payment' | 'non_admittance' | null;
}

interface Picked {
  row: Candidate;
  basis: OrderBasis;
  debtKop: number | null;
}

/**
 * Forming a disconnection order for a route as of a date (docs/domain.md, "Disconnection orders").
 *
 * Every criterion starts from the route's connected points that no order «Новий» holds yet, in
 * address order, and leaves out those in a settlement under a moratorium on the date (counted, so
 * the master knows why they are missing):
 * - 'warnings': an issued warning whose earliest cut-off date is on or before the date. A
 *   non-payment one still needs the debt as of the date at the minimum: paying or restructuring
 *   before the cut-off stops it, whether or not the payments file has been imported yet.
 * - 'debt': the debt as of the date at least the sum asked.
 * - 'non_admittance': the refusals the non-admittance warning counts, as of the date.
 * With the warning boxes ticked, warnings are formed for the route's other points in the same
 * transaction; the order's own points are blocked by it, as the warning rules say.
 */
export function orderForming(db: Db) {
  const ledger = debts(db);
  const rules = warningRules(db);
  const warnings = warningForming(db);
  const route = db.prepare<[number], { number: number; name: string }>('SELECT number, name FROM routes WHERE id = ?');
  // The issued warning a point's cut-off follows: for 'warnings' only one past its cut-off date, the
  // non-payment one first when a point has both (its notice names the larger consequence).
  const select = db.prepare<{ routeId: number; date: string; criterion: string }, Candidate>(`
    SELECT p.id AS pointId, a.number AS accountNumber, a.full_name AS fullName, ${addressColumns}, p.apartment,
      ${underMoratoriumSql('se.id')} AS underMoratorium, w.id AS warningId, w.kind AS warningKind
    FROM metering_points p
    JOIN accounts a ON a.id = p.account_id ${addressJoins('p.house_id')}
    LEFT JOIN disconnection_warnings w ON w.id = (
      -- By the point's index: the status index alone would read every issued warning for each point.
      SELECT x.id FROM disconnection_warnings x INDEXED BY disconnection_warnings_by_point
      WHERE x.point_id = p.id AND x.status = 'issued'
        AND (@criterion <> 'warnings' OR x.earliest_cutoff_on <= @date)
        AND (@criterion <> 'debt' OR x.kind = 'non_payment')
        AND (@criterion <> 'non_admittance' OR x.kind = 'non_admittance')
      ORDER BY x.kind = 'non_payment' DESC, x.earliest_cutoff_on, x.id LIMIT 1)
    WHERE p.route_id = @routeId AND p.status = 'connected'
      AND NOT EXISTS (SELECT 1 FROM order_positions op JOIN disconnection_orders o ON o.id = op.order_id
        WHERE op.point_id = p.id AND o.status = 'new')
    ORDER BY ${addressOrder('p.apartment_key')}`);
  // The refusals the non-admittance warning counts (warning-rules.ts), whatever warnings the point has.
  const refusedVisits = db.prepare<{ pointIds: string; from: string; asOf: string; visits: number }, { pointId: number }>(`
    SELECT p.id AS pointId FROM metering_points p
    WHERE p.id IN (SELECT value FROM json_each(@pointIds))
      AND NOT EXISTS (SELECT 1 FROM readings c WHERE c.point_id = p.id AND c.kind = 'control' AND c.taken_on BETWEEN @from AND @asOf)
      AND (SELECT count(DISTINCT tp.task_id) FROM task_positions tp
        JOIN walk_tasks t ON t.id = tp.task_id
        JOIN non_execution_reasons r ON r.code = tp.reason_code AND r.non_admittance = 1
        WHERE tp.point_id = p.id AND tp.status = 'not_executed'
          AND coalesce(tp.checked_on, t.task_date) BETWEEN @from AND @asOf) >= @visits`);
  const routePoints = db.prepare<[number], { id: number }>("SELECT id FROM metering_points WHERE route_id = ? AND status = 'connected'");
  const insertOrder =
    db.prepare(`INSERT INTO disconnection_orders (route_id, route_number, name, order_date, criterion, debt_min_kop, created_by)
    VALUES (@routeId, @routeNumber, @name, @orderDate, @criterion, @debtMinKop, @user)`);
  const insertPosition = db.prepare(`INSERT INTO order_positions (order_id, seq, point_id, basis, warning_id, account_number, full_name,
      address, debt_kop)
    VALUES (@orderId, @seq, @pointId, @basis, @warningId, @accountNumber, @fullName, @address, @debtKop)`);

  /** The candidates the criterion picks, each with its basis and the debt it is for. */
  const pick = (draft: OrderDraft, rows: Candidate[]): Picked[] => {
    const settings = rules.settings();
    const debtOf = (ids: number[]) => ledger.ofPoints(ids, draft.orderDate);
    if (draft.criterion === 'warnings') {
      const warned = rows.filter((row) => row.warningId !== null);
      const debt = debtOf(warned.filter((row) => row.warningKind === 'non_payment').map((row) => row.pointId));
      return warned.flatMap((row): Picked[] => {
        if (row.warningKind === 'non_admittance') return [{ row, basis: 'non_admittance' as const, debtKop: null }];
        const debtKop = debt.get(row.pointId) ?? 0;
        return debtKop >= settings.minDebtKop ? [{ row, basis: 'non_payment' as const, debtKop }] : [];
      });
    }
    if (draft.criterion === 'debt') {
      const min = draft.debtMinKop;
      if (min === null) throw new DomainError('order.debtMinRequired', {}, 'debtMinKop');
      const debt = debtOf(rows.map((row) => row.pointId));
      return rows.flatMap((row) => {
        const debtKop = debt.get(row.pointId) ?? 0;
        return debtKop >= min ? [{ row, basis: 'debt' as const, debtKop }] : [];
      });
    }
    const refused = new Set(
      refusedVisits
        .all({
          pointIds: JSON.stringify(rows.map((row) => row.pointId)),
          from: shiftDays(draft.orderDate, -settings.windowDays),
          asOf: draft.orderDate,
          visits: settings.visits,
        })
        .map((row) => row.pointId),
    );
    return rows.filter((row) => refused.has(row.pointId)).map((row) => ({ row, basis: 'non_admittance' as const, debtKop: null }));
  };

  return {
    form(draft: OrderDraft, user: string): OrderFormResult {
      const r = found(route.get(draft.routeId), 'notFound.route');
      const rows = select.all({ routeId: draft.routeId, date: draft.orderDate, criterion: draft.criterion });
      const picked = pick(draft, rows);
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
        allowed.forEach(({ row, basis, debtKop }, index) =>
          insertPosition.run({
            orderId,
            seq: index + 1,
            pointId: row.pointId,
            basis,
            warningId: row.warningId,
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
        throw new DomainError('order.nothingSelected', { number: r.number, skipped: picked.length });
      }
      return { orderId, name, positions: allowed.length, skippedMoratorium: picked.length - allowed.length, warnings: formed };
    },
  };
}

import type { ParsedInput } from '../../../shared/contract/index';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { Db } from '../../db/open';
import { DomainError } from '../errors';
import { debts } from '../ledger/debt';
import { underMoratoriumSql } from '../moratoria/moratoria';
import { orderRegister } from './order-register';
import { warningRules } from './warning-rules';

type DoneInput = ParsedInput<'orders.recordDone'>;
type NotDoneInput = ParsedInput<'orders.recordNotDone'>;

interface PositionState {
  id: number;
  orderId: number;
  orderDate: string;
  orderStatus: string;
  pointId: number;
  accountNumber: string;
  basis: 'non_payment' | 'non_admittance' | 'debt';
  outcome: string | null;
  underMoratorium: number;
}

/**
 * Recording what a crew did with each position of an order (docs/domain.md, "Disconnection
 * orders"). A cut-off done disconnects the point, executes the warnings issued for it and keeps the
 * act (when, who, the seal, the meter's reading); not done keeps why. The order stays «Новий» until
 * every position has an outcome. An outcome once recorded stands: the act is a signed paper.
 *
 * A cut-off for debt is refused when the debt as of today fell below the minimum: a payment
 * arrived after the order was formed, and there is no longer a debt the law lets anyone cut off for.
 * One in a settlement that came under a moratorium since the order was formed is refused too.
 */
export function orderRecording(db: Db, today: () => string) {
  const ledger = debts(db);
  const rules = warningRules(db);
  const register = orderRegister(db, today);
  const position = db.prepare<{ id: number; date: string }, PositionState>(`
    SELECT op.id, op.order_id AS orderId, o.order_date AS orderDate, o.status AS orderStatus, op.point_id AS pointId,
      op.account_number AS accountNumber, op.basis, op.outcome, ${underMoratoriumSql('st.settlement_id')} AS underMoratorium
    FROM order_positions op
    JOIN disconnection_orders o ON o.id = op.order_id
    JOIN metering_points p ON p.id = op.point_id
    JOIN houses h ON h.id = p.house_id JOIN streets st ON st.id = h.street_id
    WHERE op.id = @id`);
  const employee = db.prepare<[number], { fullName: string }>('SELECT full_name AS fullName FROM employees WHERE id = ?');
  const done = db.prepare(`UPDATE order_positions SET outcome = 'done', done_at = @doneAt, executor_id = @executorId,
      executor_name = @executorName, seal_number = @sealNumber, reading = @reading, note = @note, recorded_by = @user,
      recorded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE id = @id AND outcome IS NULL`);
  const notDone = db.prepare(`UPDATE order_positions SET outcome = 'not_done', not_done_reason = @reason, note = @note,
      recorded_by = @user, recorded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE id = @id AND outcome IS NULL`);
  const disconnect = db.prepare<{ pointId: number; on: string }>(
    "UPDATE metering_points SET status = 'disconnected', disconnected_on = @on WHERE id = @pointId",
  );
  const execute = db.prepare<{ pointId: number; on: string }>(
    "UPDATE disconnection_warnings SET status = 'executed', closed_on = @on WHERE point_id = @pointId AND status = 'issued'",
  );
  const close = db.prepare<[number, number]>(
    "UPDATE disconnection_orders SET status = 'done' WHERE id = ? AND NOT EXISTS (SELECT 1 FROM order_positions WHERE order_id = ? AND outcome IS NULL)",
  );

  /** The position as it stands, refused unless it still waits for an outcome. */
  const open = (id: number, date: string): PositionState => {
    const row = position.get({ id, date });
    if (!row) throw new DomainError('notFound.orderPosition');
    if (row.outcome !== null) throw new DomainError('order.alreadyRecorded', { account: row.accountNumber });
    return row;
  };

  return {
    recordDone(input: DoneInput, user: string): OrderDetail {
      const day = input.doneAt.slice(0, 10);
      const row = open(input.positionId, day);
      if (day > today()) throw new DomainError('order.doneInFuture', { date: day }, 'doneAt');
      if (day < row.orderDate) throw new DomainError('order.doneBeforeOrder', { date: day, orderDate: row.orderDate }, 'doneAt');
      if (row.underMoratorium === 1) throw new DomainError('order.moratorium', { account: row.accountNumber, date: day });
      if (row.basis !== 'non_admittance') {
        const { minDebtKop } = rules.settings();
        const debtKop = ledger.ofPoints([row.pointId], today()).get(row.pointId) ?? 0;
        if (debtKop < minDebtKop) throw new DomainError('order.debtPaid', { account: row.accountNumber, debt: debtKop, min: minDebtKop });
      }
      const executor = employee.get(input.executorId);
      if (!executor) throw new DomainError('notFound.employee', {}, 'executorId');
      done.run({ ...input, id: row.id, executorName: executor.fullName, user });
      disconnect.run({ pointId: row.pointId, on: day });
      execute.run({ pointId: row.pointId, on: day });
      close.run(row.orderId, row.orderId);
      return register.get(row.orderId);
    },

    recordNotDone(input: NotDoneInput, user: string): OrderDetail {
      const row = open(input.positionId, today());
      // "Other" names nothing by itself; the crew's words are the reason.
      if (input.reason === 'other' && input.note.trim() === '') throw new DomainError('order.noteRequired', {}, 'note');
      notDone.run({ id: row.id, reason: input.reason, note: input.note.trim(), user });
      close.run(row.orderId, row.orderId);
      return register.get(row.orderId);
    },

    /** The order holding the position as it is, for the audit entry's "before". */
    before(positionId: number): OrderDetail | null {
      const row = position.get({ id: positionId, date: today() });
      return row ? register.get(row.orderId) : null;
    },
  };
}

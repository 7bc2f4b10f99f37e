import type { Db } from '../../db/open';
import { debts } from '../ledger/debt';
import { warningRules } from './warning-rules';

/**
 * A payment that brings a point's debt below the minimum ends its non-payment warning: there is no
 * longer a debt the law lets anyone cut off for (docs/domain.md, "Disconnection warnings").
 *
 * Which debt: the point's debt as of today, from the ledger once the payments are written — the
 * figure the card shows and a cut-off is checked against. Not the debt of the periods the warning
 * was formed for: a consumer who paid those but has since run up the minimum on newer bills still
 * owes enough to be warned, and a fresh warning would only repeat the same notice.
 *
 * Runs in the payments import's transaction, for the accounts the file brought new payments to;
 * one debts query for all their points, whatever their number.
 */
export function warningCancelling(db: Db) {
  const ledger = debts(db);
  const rules = warningRules(db);
  const inForce = db.prepare<{ accountIds: string }, { id: number; pointId: number }>(`
    SELECT w.id, w.point_id AS pointId
    FROM metering_points p
    JOIN disconnection_warnings w ON w.point_id = p.id
    WHERE p.account_id IN (SELECT value FROM json_each(@accountIds))
      AND w.kind = 'non_payment' AND w.status IN ('formed', 'issued')`);
  const cancel = db.prepare<{ ids: string; today: string }>(`
    UPDATE disconnection_warnings SET status = 'cancelled', cancel_reason = 'paid', closed_on = @today
    WHERE id IN (SELECT value FROM json_each(@ids))`);

  return {
    /** Cancels the in-force non-payment warnings of the accounts' points now owing less than the minimum; how many. */
    paid(accountIds: readonly number[], today: string): number {
      if (accountIds.length === 0) return 0;
      const warnings = inForce.all({ accountIds: JSON.stringify(accountIds) });
      if (warnings.length === 0) return 0;
      const { minDebtKop } = rules.settings();
      const debt = ledger.ofPoints([...new Set(warnings.map((w) => w.pointId))], today);
      // Equal to the minimum is still enough to warn for, as when forming: only below it cancels.
      const paid = warnings.filter((w) => (debt.get(w.pointId) ?? 0) < minDebtKop).map((w) => w.id);
      if (paid.length > 0) cancel.run({ ids: JSON.stringify(paid), today });
      return paid.length;
    },
  };
}

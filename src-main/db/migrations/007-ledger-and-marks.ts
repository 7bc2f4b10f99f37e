import type { Migration } from './migration';

/**
 * Debt from bills and payments (docs/domain.md, "Debt"), and the notes of a point's complaint and
 * inspection marks.
 *
 * A payment reduces a debt only by the part the bills' "paid" amounts do not already hold
 * (`applied_kop`). A bills import moves that line; `bills_imported_on` and `paid_ahead_kop` keep
 * what it saw for a payment that arrives after the bills that hold it. `accounts.balance_kop` stays
 * only because dropping it gains nothing: nothing reads it any more.
 *
 * For data written before this version nobody knows which payments the bills hold; the bills'
 * paid amounts are taken to hold the account's payments oldest first, as far as they reach — the
 * rule a first bills import follows — so a district loaded from the billing system keeps its debts.
 */
export const ledgerAndMarks: Migration = {
  version: 7,
  name: 'ledger-and-marks',
  sql: `
ALTER TABLE payments ADD COLUMN applied_kop INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN bills_imported_on TEXT;
ALTER TABLE accounts ADD COLUMN paid_ahead_kop INTEGER NOT NULL DEFAULT 0 CHECK (paid_ahead_kop >= 0);
ALTER TABLE metering_points ADD COLUMN complaint_note TEXT NOT NULL DEFAULT '';
ALTER TABLE metering_points ADD COLUMN inspection_note TEXT NOT NULL DEFAULT '';

WITH held AS (
  SELECT p.account_id, sum(b.paid_kop) AS kop FROM bills b JOIN metering_points p ON p.id = b.point_id GROUP BY p.account_id
), running AS (
  SELECT y.id, y.amount_kop, held.kop,
    sum(y.amount_kop) OVER (PARTITION BY y.account_id ORDER BY y.paid_on, y.id ROWS UNBOUNDED PRECEDING) AS upto
  FROM payments y JOIN held ON held.account_id = y.account_id
  WHERE y.amount_kop > 0
)
-- A join, not a lookup per payment: the running sums are read once and each payment found by its id.
UPDATE payments SET applied_kop = max(0, min(r.amount_kop, r.kop - (r.upto - r.amount_kop)))
FROM running r WHERE r.id = payments.id;
`,
};

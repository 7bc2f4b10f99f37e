import type { Migration } from './migration';

/**
 * What the ledger reads (core/ledger/debt.ts): of two years of bills and payments, only the part
 * that can still change a debt. A bill paid in full owes nothing and a payment the bills hold whole
 * is nothing to spread, so the ledger asks for the open bills, the overpaid ones and the payments
 * not (wholly) applied, and these partial indexes hold just those rows, with every column the ledger
 * reads from them. On the 200k demo district that is 214,000 of 4.8 million bills.
 *
 * The conditions are written exactly as the ledger's queries write them: SQLite uses a partial
 * index only for a query whose WHERE states its condition.
 */
export const ledgerOpenBills: Migration = {
  version: 11,
  name: 'ledger-open-bills',
  sql: `
CREATE INDEX bills_open ON bills(point_id, delivered_on, period, amount_kop, paid_kop) WHERE amount_kop > paid_kop;
CREATE INDEX bills_overpaid ON bills(point_id, amount_kop, paid_kop) WHERE paid_kop > amount_kop;
CREATE INDEX payments_unapplied ON payments(account_id, amount_kop, applied_kop) WHERE applied_kop <> amount_kop;
`,
};

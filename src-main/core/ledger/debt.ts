import type { Db } from '../../db/open';
import { preparedOnUse } from '../../db/prepared-on-use';

/**
 * What a consumer owes, from the imported bills and payments and nothing else (docs/domain.md,
 * "Debt"). The one place the rule lives: the account card and list, the debtor criterion of a walk
 * task and the route sheet's bills all ask here.
 *
 * - A bill is due from its delivery date; one without a delivery date from the day after its period.
 * - What is open on a bill is its amount less what the billing system says is paid on it.
 * - The account's credit is what it has paid that no bill holds yet (payments less their applied
 *   part) plus what bills were overpaid by; it goes to the account's open bills oldest due first,
 *   whichever of its points they belong to.
 * - The debt as of a date is what stays open, after the credit, on the bills due on or before it.
 *   The date picks the bills; every payment known today counts, whatever its date, so a consumer
 *   who has paid is not visited as a debtor.
 *
 * Every statement is set-based: the ids come as one JSON array, the whole set in one query.
 */

/** One bill with what is still owed on it once the account's credit has been spread. */
export interface BillStanding {
  id: number;
  pointId: number;
  accountId: number;
  period: string;
  amountKop: number;
  paidKop: number;
  deliveredOn: string | null;
  /** From this day the bill counts as debt. */
  dueOn: string;
  /** Open after the account's credit, whether due yet or not. */
  unpaidKop: number;
}

export interface AccountStanding {
  /** Unpaid on bills due on or before the date. */
  debtKop: number;
  /** Unpaid on bills not due yet by the date. */
  notDueKop: number;
  /** Credit left over once every open bill is covered: an overpayment. */
  creditKop: number;
}

/** The day a bill counts from: delivered, else the first day after its period (YYYY-MM). */
const dueOn = (bill: string) => `coalesce(${bill}.delivered_on, date(${bill}.period || '-01', '+1 month'))`;

/**
 * Whose bills are read: the accounts in `acc(account_id)`, from each account to its points and
 * their bills (a card asks for one account, and must not scan the district's), or every account,
 * reading the district's indexes whole.
 */
type Scope = 'asked accounts' | 'district';
const billsOf = (scope: Scope) =>
  scope === 'asked accounts'
    ? 'acc CROSS JOIN metering_points p ON p.account_id = acc.account_id CROSS JOIN bills b ON b.point_id = p.id'
    : 'bills b JOIN metering_points p ON p.id = b.point_id';

/**
 * The bills with something open, with what stays unpaid on them. Only these are read: a bill paid
 * in full owes nothing whatever the credit, and adds nothing to the run, so leaving it out changes
 * no figure, and a district's open bills are a small part of its two years of bills (migration 11
 * indexes just them). Only an account with credit has it spread: `upto` runs its open amounts
 * oldest due first, and the credit covers them from the start of that run; on any other account's
 * bills what is open stays unpaid, and no running sum is needed.
 */
const standing = (scope: Scope) => `
  -- Materialized: read once, not re-read from every point in the district.
  open AS MATERIALIZED (
    SELECT b.id, b.point_id AS pointId, p.account_id AS accountId, b.period, ${dueOn('b')} AS dueOn,
      b.amount_kop - b.paid_kop AS openKop
    FROM ${billsOf(scope)}
    WHERE b.amount_kop > b.paid_kop
  ),
  -- Only the accounts with something to spread: a payment not (or not wholly) in the bills, or an
  -- overpaid bill. Every other account's credit is 0 and it has no row here.
  credit AS MATERIALIZED (
    SELECT accountId, max(0, sum(kop)) AS kop FROM (
      SELECT y.account_id AS accountId, y.amount_kop - y.applied_kop AS kop FROM payments y
      WHERE y.applied_kop <> y.amount_kop ${scope === 'asked accounts' ? 'AND y.account_id IN (SELECT account_id FROM acc)' : ''}
      UNION ALL
      SELECT p.account_id, b.paid_kop - b.amount_kop FROM ${billsOf(scope)}
      WHERE b.paid_kop > b.amount_kop
    ) GROUP BY accountId
  ),
  standing AS (
    SELECT o.*, o.openKop AS unpaidKop FROM open o WHERE o.accountId NOT IN (SELECT accountId FROM credit)
    UNION ALL
    SELECT o.id, o.pointId, o.accountId, o.period, o.dueOn, o.openKop, max(0, min(o.openKop, o.upto - c.kop)) AS unpaidKop
    FROM (SELECT open.*, sum(openKop) OVER (PARTITION BY accountId ORDER BY dueOn, period, pointId, id ROWS UNBOUNDED PRECEDING) AS upto
          FROM open WHERE accountId IN (SELECT accountId FROM credit)) o
    JOIN credit c ON c.accountId = o.accountId
  )`;

const ofAccounts = `WITH acc(account_id) AS (SELECT DISTINCT value FROM json_each(@accountIds)), ${standing('asked accounts')}`;
const ofPointsAccounts = `WITH asked(point_id) AS (SELECT DISTINCT value FROM json_each(@pointIds)),
  acc(account_id) AS (SELECT DISTINCT p.account_id FROM asked JOIN metering_points p ON p.id = asked.point_id),
  ${standing('asked accounts')}`;
const ofDistrict = `WITH ${standing('district')}`;

/** The points owing at least @minKop as of @asOf, with the bills due that stay unpaid, as JSON. */
const owingSql = (filter: string) => `
  SELECT s.pointId, sum(s.unpaidKop) AS debtKop,
    json_group_array(json_object('period', s.period, 'unpaidKop', s.unpaidKop)) AS periods
  FROM standing s
  WHERE s.dueOn <= @asOf AND s.unpaidKop > 0 ${filter}
  GROUP BY s.pointId HAVING sum(s.unpaidKop) >= @minKop
  ORDER BY s.pointId`;

/** The same points as owingSql, with the total alone: what a ranking needs, without each bill's amount. */
const owingTotalSql = (filter: string) => `
  SELECT s.pointId, sum(s.unpaidKop) AS debtKop
  FROM standing s
  WHERE s.dueOn <= @asOf AND s.unpaidKop > 0 ${filter}
  GROUP BY s.pointId HAVING sum(s.unpaidKop) >= @minKop`;

/** A point's debt as of a date with the unpaid amount of each bill in it, oldest period first. */
export interface PointDebt {
  pointId: number;
  debtKop: number;
  periods: { period: string; unpaidKop: number }[];
}

export function debts(db: Db) {
  const pointDebts = preparedOnUse(() =>
    db.prepare<{ pointIds: string; asOf: string }, { pointId: number; debtKop: number }>(`
    ${ofPointsAccounts}
    SELECT s.pointId, sum(s.unpaidKop) AS debtKop FROM standing s
    WHERE s.dueOn <= @asOf AND s.pointId IN (SELECT point_id FROM asked)
    GROUP BY s.pointId`),
  );
  type OwingRow = { pointId: number; debtKop: number; periods: string };
  const owingPoints = preparedOnUse(() =>
    db.prepare<{ pointIds: string; asOf: string; minKop: number }, OwingRow>(
      `${ofPointsAccounts} ${owingSql('AND s.pointId IN (SELECT point_id FROM asked)')}`,
    ),
  );
  const owingInDistrict = preparedOnUse(() => db.prepare<{ asOf: string; minKop: number }, OwingRow>(`${ofDistrict} ${owingSql('')}`));
  type TotalRow = { pointId: number; debtKop: number };
  const owingTotalPoints = preparedOnUse(() =>
    db.prepare<{ pointIds: string; asOf: string; minKop: number }, TotalRow>(
      `${ofPointsAccounts} ${owingTotalSql('AND s.pointId IN (SELECT point_id FROM asked)')}`,
    ),
  );
  const owingTotalInDistrict = preparedOnUse(() =>
    db.prepare<{ asOf: string; minKop: number }, TotalRow>(`${ofDistrict} ${owingTotalSql('')}`),
  );
  const pointCount = preparedOnUse(() => db.prepare<[], number>('SELECT count(*) FROM metering_points').pluck());
  const accountStandings = preparedOnUse(() =>
    db.prepare<{ accountIds: string; asOf: string }, AccountStanding & { accountId: number }>(`
    ${ofAccounts}
    SELECT acc.account_id AS accountId,
      coalesce(sum(CASE WHEN s.dueOn <= @asOf THEN s.unpaidKop END), 0) AS debtKop,
      coalesce(sum(CASE WHEN s.dueOn > @asOf THEN s.unpaidKop END), 0) AS notDueKop,
      max(0, coalesce(c.kop, 0) - coalesce(sum(s.openKop), 0)) AS creditKop
    FROM acc LEFT JOIN credit c ON c.accountId = acc.account_id LEFT JOIN standing s ON s.accountId = acc.account_id
    GROUP BY acc.account_id`),
  );
  const bills = preparedOnUse(() =>
    db.prepare<{ pointIds: string }, BillStanding>(`
    ${ofPointsAccounts}
    SELECT b.id, b.point_id AS pointId, p.account_id AS accountId, b.period, b.amount_kop AS amountKop, b.paid_kop AS paidKop,
      b.delivered_on AS deliveredOn, ${dueOn('b')} AS dueOn, coalesce(s.unpaidKop, 0) AS unpaidKop
    FROM asked JOIN metering_points p ON p.id = asked.point_id JOIN bills b ON b.point_id = p.id
    LEFT JOIN standing s ON s.id = b.id`),
  );

  return {
    /** Each point's debt as of the date; a point that owes nothing (or has no bills) gets 0. */
    ofPoints(pointIds: readonly number[], asOf: string): Map<number, number> {
      const result = new Map(pointIds.map((id) => [id, 0]));
      if (pointIds.length === 0) return result;
      for (const row of pointDebts().all({ pointIds: JSON.stringify(pointIds), asOf })) result.set(row.pointId, row.debtKop);
      return result;
    },
    /**
     * The points owing at least `minKop` (and more than nothing) as of the date, each with the bills
     * due by then that stay unpaid: the same figures as `ofPoints` and `bills`, in one pass.
     */
    owing(pointIds: readonly number[], asOf: string, minKop: number): PointDebt[] {
      if (pointIds.length === 0) return [];
      // Half the district or more: its open bills read whole cost less than finding each account's,
      // and give the same figures (an account's credit is spread the same whichever points are asked).
      const whole = pointIds.length * 2 >= (pointCount().get() ?? 0);
      const asked = whole ? new Set(pointIds) : null;
      const rows = whole
        ? owingInDistrict()
            .all({ asOf, minKop })
            .filter((row) => asked!.has(row.pointId))
        : owingPoints().all({ pointIds: JSON.stringify(pointIds), asOf, minKop });
      return rows.map((row) => ({
        pointId: row.pointId,
        debtKop: row.debtKop,
        periods: (JSON.parse(row.periods) as PointDebt['periods']).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)),
      }));
    },
    /**
     * The points owing at least `minKop` (and more than nothing) as of the date, with the total only:
     * the figures of `owing` without the bills, for ranking a whole district's points by what they owe.
     */
    owingTotals(pointIds: readonly number[], asOf: string, minKop: number): Map<number, number> {
      if (pointIds.length === 0) return new Map();
      const whole = pointIds.length * 2 >= (pointCount().get() ?? 0);
      const asked = whole ? new Set(pointIds) : null;
      const rows = whole
        ? owingTotalInDistrict()
            .all({ asOf, minKop })
            .filter((row) => asked!.has(row.pointId))
        : owingTotalPoints().all({ pointIds: JSON.stringify(pointIds), asOf, minKop });
      return new Map(rows.map((row) => [row.pointId, row.debtKop]));
    },
    /** Each account's debt as of the date, what is billed but not due yet, and any overpayment. */
    ofAccounts(accountIds: readonly number[], asOf: string): Map<number, AccountStanding> {
      const result = new Map<number, AccountStanding>(accountIds.map((id) => [id, { debtKop: 0, notDueKop: 0, creditKop: 0 }]));
      if (accountIds.length === 0) return result;
      for (const { accountId, ...row } of accountStandings().all({ accountIds: JSON.stringify(accountIds), asOf })) {
        result.set(accountId, row);
      }
      return result;
    },
    /** Every bill of the points, with what stays unpaid on it; in no particular order. */
    bills(pointIds: readonly number[]): BillStanding[] {
      return pointIds.length === 0 ? [] : bills().all({ pointIds: JSON.stringify(pointIds) });
    },
  };
}

export type Debts = ReturnType<typeof debts>;

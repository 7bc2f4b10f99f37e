import type { AccountCard, AccountRow, accountsChannels, CardWarning, PointSearchRow } from '../../../shared/contract/accounts';
import type { CardCutoff } from '../../../shared/contract/orders';
import type { MeterCard } from '../../../shared/contract/visit';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, addressOrder, withAddress, type AddressParts } from '../addresses/address';
import { found } from '../errors';
import { reconnections } from '../disconnection/reconnection';
import { cardMeterHistory } from '../visit/card-history';
import { debts } from '../ledger/debt';
import type { Handlers } from '../registry';
import { pointMarks } from './marks';

type AccountSql = Omit<AccountRow, 'address' | 'debtKop'> & AddressParts;
type PointSql = Omit<
  AccountCard['points'][number],
  'address' | 'meter' | 'removedMeters' | 'findings' | 'readings' | 'bills' | 'debtKop' | 'warnings' | 'cutoffs' | 'reconnections'
> &
  AddressParts & { serial: string | null } & Omit<MeterCard, 'serial'>;

/** How many of a point's bills the card shows, newest first: two years of monthly bills. */
const billsShown = 24;

/**
 * How a search box query is read: digits find an account number by prefix; anything else is a
 * fragment of the name or of the street, optionally followed by a house number ("Шевченка 12").
 */
export function parseSearch(query: string): { numberPrefix: string; text: string; house: string } {
  const trimmed = query.trim();
  if (/^\d+$/.test(trimmed)) return { numberPrefix: trimmed, text: '', house: '' };
  const houseMatch = /^(.*\S)\s+(\d+\S*)$/u.exec(trimmed);
  return houseMatch
    ? { numberPrefix: '', text: houseMatch[1]!.toLocaleLowerCase('uk'), house: houseMatch[2]!.toLocaleLowerCase('uk') }
    : { numberPrefix: '', text: trimmed.toLocaleLowerCase('uk'), house: '' };
}

export function accountsHandlers(db: Db, { today }: { today: () => string }): Handlers<keyof typeof accountsChannels> {
  const ledger = debts(db);
  const marks = pointMarks(db, today);
  // Number prefix as a range so the UNIQUE index on accounts.number serves it.
  const accountFilter = `WHERE (@numberPrefix = '' OR (a.number >= @numberPrefix AND a.number < @numberPrefix || ':'))
      AND (@text = '' OR instr(ufold(a.full_name), @text) > 0 OR instr(ufold(st.name), @text) > 0)
      AND (@house = '' OR h.number = @house OR h.number GLOB @house || '[/а-я]*')`;
  const accountSelect = `SELECT a.id, a.number, a.full_name AS fullName, a.phone,
      ${addressColumns}, a.apartment,
      (SELECT count(*) FROM metering_points p WHERE p.account_id = a.id) AS pointCount
    FROM accounts a ${addressJoins('a.house_id')}`;
  type Filter = { numberPrefix: string; text: string; house: string };
  type Paged = Filter & { offset: number; limit: number };
  // Typed digits (or nothing) list by number; typed words by name, in Ukrainian order. Two
  // statements rather than a CASE in ORDER BY, so a list by number still pages along its index.
  const searchByNumber = db.prepare<Paged, AccountSql>(`${accountSelect} ${accountFilter} ORDER BY a.number LIMIT @limit OFFSET @offset`);
  const searchByName = db.prepare<Paged, AccountSql>(
    `${accountSelect} ${accountFilter} ORDER BY a.name_key, a.number LIMIT @limit OFFSET @offset`,
  );
  const searchCount = db.prepare<Filter, { n: number }>(
    `SELECT count(*) AS n FROM accounts a ${addressJoins('a.house_id')} ${accountFilter}`,
  );
  const account = db.prepare<[number], AccountSql>(`${accountSelect} WHERE a.id = ?`);

  type PointSearchSql = Omit<PointSearchRow, 'address'> & AddressParts;
  const pointSearch = db.prepare<Filter & { limit: number }, PointSearchSql>(`
    SELECT p.id AS pointId, a.id AS accountId, a.number AS accountNumber, a.full_name AS fullName,
      ${addressColumns}, p.apartment, p.route_id AS routeId, r.number AS routeNumber
    FROM metering_points p JOIN accounts a ON a.id = p.account_id ${addressJoins('p.house_id')}
    LEFT JOIN routes r ON r.id = p.route_id
    ${accountFilter} ORDER BY ${addressOrder('p.apartment_key')} LIMIT @limit`);

  const points = db.prepare<[number], PointSql>(`
    SELECT p.id, ${addressColumns}, p.apartment, p.commodity, p.status, r.number AS routeNumber, r.name AS routeName,
      p.inspection_since AS inspectionSince, p.inspection_note AS inspectionNote,
      p.complaint_since AS complaintSince, p.complaint_note AS complaintNote,
      m.serial, m.model, m.digits, m.placement, m.condition, m.seals, m.installed_on AS installedOn,
      m.verification_due AS verificationDue
    FROM metering_points p ${addressJoins('p.house_id')}
    LEFT JOIN routes r ON r.id = p.route_id LEFT JOIN meters m ON m.point_id = p.id
    WHERE p.account_id = ? ORDER BY p.id`);
  const readings = db.prepare<[number], Omit<AccountCard['points'][number]['readings'][number], 'afterDisconnection'> & { after: number }>(`
    SELECT taken_on AS takenOn, value, kind, entered_by AS enteredBy, after_disconnection AS after FROM readings
    WHERE point_id = ? ORDER BY taken_on DESC, id DESC LIMIT 36`);
  const payments = db.prepare<[number], AccountCard['payments'][number]>(`
    SELECT paid_on AS paidOn, amount_kop AS amountKop, source, applied_kop AS appliedKop FROM payments
    WHERE account_id = ? ORDER BY paid_on DESC LIMIT 24`);
  // Every warning of the account's points in one statement; the card splits them by point.
  const warnings = db.prepare<[number], CardWarning & { pointId: number }>(`
    SELECT w.id, w.point_id AS pointId, w.kind, w.status, w.as_of AS asOf, w.debt_kop AS debtKop,
      w.issued_how AS issuedHow, w.issued_on AS issuedOn, w.received_on AS receivedOn,
      w.earliest_cutoff_on AS earliestCutoffOn, w.cancel_reason AS cancelReason, w.cancel_note AS cancelNote,
      w.closed_on AS closedOn
    FROM metering_points p JOIN disconnection_warnings w ON w.point_id = p.id
    WHERE p.account_id = ? ORDER BY w.as_of DESC, w.id DESC`);
  const cutoffs = db.prepare<[number], CardCutoff & { pointId: number }>(`
    SELECT op.point_id AS pointId, o.id AS orderId, o.name AS orderName, o.order_date AS orderDate, op.outcome,
      op.done_at AS doneAt, op.seal_number AS sealNumber, op.reading, op.not_done_reason AS notDoneReason
    FROM metering_points p JOIN order_positions op ON op.point_id = p.id JOIN disconnection_orders o ON o.id = op.order_id
    WHERE p.account_id = ? ORDER BY o.order_date DESC, o.id DESC`);
  const reconnecting = reconnections(db, today);
  const meterHistory = cardMeterHistory(db);

  return {
    'accounts.search': ({ query, offset, limit }) => {
      const filter = parseSearch(query);
      const search = filter.text === '' ? searchByNumber : searchByName;
      const rows = search.all({ ...filter, offset, limit });
      const standing = ledger.ofAccounts(
        rows.map((row) => row.id),
        today(),
      );
      return {
        rows: rows.map((row) => ({ ...withAddress(row), debtKop: standing.get(row.id)!.debtKop })),
        total: searchCount.get(filter)!.n,
      };
    },
    'accounts.card': ({ accountId }) => {
      const asOf = today();
      const head = withAddress(found(account.get(accountId), 'notFound.account'));
      const standing = ledger.ofAccounts([accountId], asOf).get(accountId)!;
      const rows = points.all(accountId);
      const pointIds = rows.map((row) => row.id);
      const pointDebts = ledger.ofPoints(pointIds, asOf);
      const bills = ledger.bills(pointIds);
      const pointWarnings = warnings.all(accountId);
      const pointCutoffs = cutoffs.all(accountId);
      const pointReconnections = reconnecting.ofPoints(pointIds);
      const history = meterHistory(accountId);
      return {
        account: { ...head, debtKop: standing.debtKop },
        ledger: { asOf, ...standing },
        points: rows.map((row) => {
          const { serial, model, digits, placement, condition, seals, installedOn, verificationDue, ...point } = withAddress(row);
          return {
            ...point,
            debtKop: pointDebts.get(row.id)!,
            meter: serial === null ? null : { serial, model, digits, placement, condition, seals, installedOn, verificationDue },
            removedMeters: history.removedOf(row.id),
            findings: history.findingsOf(row.id),
            readings: readings.all(row.id).map(({ after, ...reading }) => ({ ...reading, afterDisconnection: after === 1 })),
            bills: bills
              .filter((bill) => bill.pointId === row.id)
              .sort((a, b) => b.period.localeCompare(a.period))
              .slice(0, billsShown)
              .map(({ period, amountKop, paidKop, deliveredOn, dueOn, unpaidKop }) => ({
                period,
                amountKop,
                paidKop,
                deliveredOn,
                dueOn,
                unpaidKop,
              })),
            warnings: pointWarnings.filter((w) => w.pointId === row.id).map(({ pointId, ...w }) => w),
            cutoffs: pointCutoffs.filter((c) => c.pointId === row.id).map(({ pointId, ...c }) => c),
            reconnections: pointReconnections.filter((r) => r.pointId === row.id),
          };
        }),
        payments: payments.all(accountId),
      };
    },
    'points.search': ({ query, limit }) => pointSearch.all({ ...parseSearch(query), limit }).map(withAddress),
    'points.setMark': {
      audit: { entity: 'point.marks', action: 'change', id: ({ pointId }) => pointId, before: ({ pointId }) => marks.get(pointId) },
      run: ({ pointId, mark, since, note }) => marks.set(pointId, mark, since, note),
    },
  };
}

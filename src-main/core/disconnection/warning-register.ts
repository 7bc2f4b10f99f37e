import type { Page } from '../../../shared/contract/define';
import type { WarningRow } from '../../../shared/contract/disconnection';
import type { ParsedInput } from '../../../shared/contract/index';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, addressOrder, formatAddress, type AddressParts } from '../addresses/address';

type WarningFilter = ParsedInput<'warnings.list'>;
type WarningSql = Omit<WarningRow, 'address'> & AddressParts;

const toRow = ({ settlementKind, settlementName, streetKind, streetName, house, apartment, ...row }: WarningSql): WarningRow => ({
  ...row,
  address: formatAddress({ settlementKind, settlementName, streetKind, streetName, house, apartment }),
});

/**
 * The register of disconnection warnings: who was warned, how far each warning has got. Listed in
 * address order (the order a controller walks and a notice bundle is sorted in), a point's
 * non-payment warning before its non-admittance one, the newest first within a kind.
 */
export function warningRegister(db: Db) {
  const select = `SELECT w.id, w.point_id AS pointId, a.number AS accountNumber, a.full_name AS fullName,
      ${addressColumns}, p.apartment, p.commodity, w.kind, w.status, w.as_of AS asOf, w.debt_kop AS debtKop,
      w.issued_how AS issuedHow, w.issued_on AS issuedOn, w.received_on AS receivedOn,
      w.earliest_cutoff_on AS earliestCutoffOn, w.cancel_reason AS cancelReason, w.cancel_note AS cancelNote,
      w.closed_on AS closedOn
    FROM disconnection_warnings w
    JOIN metering_points p ON p.id = w.point_id
    JOIN accounts a ON a.id = p.account_id
    ${addressJoins('p.house_id')}`;
  const filter = `WHERE (@status = 'all' OR w.status = @status) AND (@kind = 'all' OR w.kind = @kind)
      AND (@dateFrom IS NULL OR w.as_of >= @dateFrom) AND (@dateTo IS NULL OR w.as_of <= @dateTo)
      AND (@routeId IS NULL OR p.route_id = @routeId)`;
  const list = db.prepare<WarningFilter, WarningSql>(
    `${select} ${filter} ORDER BY ${addressOrder('p.apartment_key')}, a.number, w.kind DESC, w.id DESC LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<WarningFilter, { n: number }>(
    `SELECT count(*) AS n FROM disconnection_warnings w JOIN metering_points p ON p.id = w.point_id ${filter}`,
  );
  const byIds = db.prepare<{ ids: string }, WarningSql>(`${select} WHERE w.id IN (SELECT value FROM json_each(@ids))`);

  return {
    list: (input: WarningFilter): Page<WarningRow> => ({ rows: list.all(input).map(toRow), total: count.get(input)!.n }),
    /** The warnings asked for, in the order asked; an id that is not there is left out. */
    byIds(ids: readonly number[]): WarningRow[] {
      const found = new Map(byIds.all({ ids: JSON.stringify(ids) }).map((row) => [row.id, toRow(row)]));
      return ids.flatMap((id) => found.get(id) ?? []);
    },
  };
}

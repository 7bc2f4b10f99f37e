import type { z } from 'zod';
import type { exportFilter, ExportedReading, ImportKind, ImportResult } from '../../../shared/contract/exchange';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { accountImporter } from './account-import';
import type { ImportTable } from './import-table';
import { ledgerImporter } from './ledger-import';

type ExportFilter = z.output<typeof exportFilter>;
type Sql = Omit<
  ExportedReading,
  'overMaxAccepted' | 'belowPreviousConfirmed' | 'rollover' | 'afterDisconnection' | 'estimated' | 'queued' | 'problems'
> & {
  estimated: number;
  queued: number;
  overMaxAccepted: number | null;
  belowPreviousConfirmed: number | null;
  rollover: number | null;
  afterDisconnection: number | null;
  problems: string;
};

/**
 * Exchange with the billing system. The host reads and writes the files (XLSX is asynchronous work
 * beside the core); these are the rules it calls once the file is read, inside its channel's write.
 */
export function exchangeServices(db: Db, today: () => string) {
  const importAccounts = accountImporter(db, today);
  const ledger = ledgerImporter(db, today);
  const importers: Record<
    ImportKind,
    (table: ImportTable, locale: Locale) => { created: number; updated: number; cancelledWarnings?: number; reconnectionsFormed?: number }
  > = {
    accounts: importAccounts,
    bills: ledger.bills,
    payments: ledger.payments,
  };
  const problemNames = db.prepare<[], { code: number; name: string }>('SELECT code, name_uk AS name FROM meter_problems');
  const where = `WHERE tp.status <> 'new' AND tp.checked_on BETWEEN @dateFrom AND @dateTo
      AND (@routeId IS NULL OR t.route_id = @routeId) AND (@taskId IS NULL OR t.id = @taskId)`;
  // The position's reading waits, or the final reading of a meter its visit found replaced: billing gets both or neither.
  const queued = `EXISTS (SELECT 1 FROM reading_checks c WHERE (c.reading_id = r.id OR c.reading_id = h.final_reading_id)
      AND c.decision IS NULL)`;
  const replaced = `LEFT JOIN visit_findings vf ON vf.position_id = tp.id
    LEFT JOIN meter_history h ON h.id = vf.meter_change_id`;
  const rows = db.prepare<Omit<ExportFilter, 'includeQueued'> & { includeQueued: number }, Sql>(`
    SELECT tp.account_number AS accountNumber, tp.point_id AS pointId, coalesce(vf.serial, tp.meter_serial) AS meterSerial,
      t.route_number AS routeNumber, t.id AS taskId, t.task_date AS taskDate, tp.seq, tp.status,
      tp.checked_on AS checkedOn, r.value, r.consumption, tp.reason_code AS reasonCode, nr.name_uk AS reason,
      r.over_max_accepted AS overMaxAccepted, r.below_previous_confirmed AS belowPreviousConfirmed, r.rollover,
      r.after_disconnection AS afterDisconnection, coalesce(r.estimated, 0) AS estimated, ${queued} AS queued,
      tp.problems, tp.note, tp.entered_by AS enteredBy, tp.entered_at AS enteredAt,
      h.serial AS removedSerial, h.removed_on AS replacedOn, fr.value AS finalValue, fr.consumption AS finalConsumption,
      ir.value AS initialValue
    FROM task_positions tp
    JOIN walk_tasks t ON t.id = tp.task_id
    LEFT JOIN readings r ON r.task_position_id = tp.id
    ${replaced}
    LEFT JOIN readings fr ON fr.id = h.final_reading_id
    LEFT JOIN readings ir ON ir.id = h.initial_reading_id
    LEFT JOIN non_execution_reasons nr ON nr.code = tp.reason_code
    ${where} AND (@includeQueued OR NOT ${queued})
    ORDER BY t.task_date, t.route_number, t.id, tp.seq`);
  const skipped = db
    .prepare<Omit<ExportFilter, 'includeQueued'>, number>(
      `SELECT count(*) FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id
       LEFT JOIN readings r ON r.task_position_id = tp.id ${replaced} ${where} AND ${queued}`,
    )
    .pluck();

  return {
    /** Readings the export leaves out because they wait in the queue. */
    skippedQueued: ({ dateFrom, dateTo, routeId, taskId }: Omit<ExportFilter, 'includeQueued'>): number =>
      skipped.get({ dateFrom, dateTo, routeId, taskId })!,
    /** Every row checked first; a clean file written whole, a faulty one refused with each problem named. */
    importTable(kind: ImportKind, table: ImportTable, locale: Locale): ImportResult {
      const { created, updated, cancelledWarnings, reconnectionsFormed } = importers[kind](table, locale);
      const result: ImportResult = { rows: table.rows.length, created, updated, unchanged: table.rows.length - created - updated };
      // Only a payments file can cancel warnings and form reconnections; the other kinds' results do not mention them.
      return cancelledWarnings === undefined ? result : { ...result, cancelledWarnings, reconnectionsFormed: reconnectionsFormed ?? 0 };
    },
    /**
     * Entered positions, executed and not, with reasons, flags and who entered them; a reading still
     * waiting in Контроль показників only when asked for (its position is left out with it).
     */
    readings({
      dateFrom,
      dateTo,
      routeId,
      taskId,
      includeQueued = false,
    }: Omit<ExportFilter, 'includeQueued'> & { includeQueued?: boolean }): ExportedReading[] {
      const names = new Map(problemNames.all().map((p) => [p.code, p.name]));
      return rows.all({ dateFrom, dateTo, routeId, taskId, includeQueued: includeQueued ? 1 : 0 }).map((row) => ({
        ...row,
        overMaxAccepted: row.overMaxAccepted === 1,
        belowPreviousConfirmed: row.belowPreviousConfirmed === 1,
        rollover: row.rollover === 1,
        afterDisconnection: row.afterDisconnection === 1,
        estimated: row.estimated === 1,
        queued: row.queued === 1,
        problems: (JSON.parse(row.problems) as number[]).map((code) => names.get(code) ?? String(code)).join('; '),
      }));
    },
  };
}

import type { exchangeChannels, ExportedReading, ImportResult } from '../../../shared/contract/exchange';
import type { Db } from '../../db/open';
import type { Audit, Handlers } from '../registry';
import { accountImporter } from './account-import';
import { ledgerImporter } from './ledger-import';

type Sql = Omit<ExportedReading, 'overMaxAccepted' | 'belowPreviousConfirmed' | 'rollover' | 'problems'> & {
  overMaxAccepted: number | null;
  belowPreviousConfirmed: number | null;
  rollover: number | null;
  problems: string;
};

/** A written import is one audit entry with its counts; a refused one wrote nothing to record. */
function audited(result: ImportResult, entity: string, audit: Audit): ImportResult {
  if (result.problems.length === 0)
    audit('change', entity, null, null, { rows: result.rows, created: result.created, updated: result.updated });
  return result;
}

/** Entered readings for the billing system: executed and not executed positions, with reasons, flags and who entered them. */
export function exchangeHandlers(db: Db): Handlers<keyof typeof exchangeChannels> {
  const importAccounts = accountImporter(db);
  const ledger = ledgerImporter(db);
  const problemNames = db.prepare<[], { code: number; name: string }>('SELECT code, name_uk AS name FROM meter_problems');
  const rows = db.prepare<Record<string, unknown>, Sql>(`
    SELECT tp.account_number AS accountNumber, tp.point_id AS pointId, tp.meter_serial AS meterSerial,
      t.route_number AS routeNumber, t.id AS taskId, t.task_date AS taskDate, tp.seq, tp.status,
      tp.checked_on AS checkedOn, r.value, r.consumption, tp.reason_code AS reasonCode, nr.name_uk AS reason,
      r.over_max_accepted AS overMaxAccepted, r.below_previous_confirmed AS belowPreviousConfirmed, r.rollover,
      tp.problems, tp.note, tp.entered_by AS enteredBy, tp.entered_at AS enteredAt
    FROM task_positions tp
    JOIN walk_tasks t ON t.id = tp.task_id
    LEFT JOIN readings r ON r.task_position_id = tp.id
    LEFT JOIN non_execution_reasons nr ON nr.code = tp.reason_code
    WHERE tp.status <> 'new' AND tp.checked_on BETWEEN @dateFrom AND @dateTo
      AND (@routeId IS NULL OR t.route_id = @routeId) AND (@taskId IS NULL OR t.id = @taskId)
    ORDER BY t.task_date, t.route_number, t.id, tp.seq`);
  return {
    'import.accounts': (input, { locale, audit }) => audited(importAccounts(input, locale), 'import.accounts', audit),
    'import.bills': (input, { locale, audit }) => audited(ledger.bills(input, locale), 'import.bills', audit),
    'import.payments': (input, { locale, audit }) => audited(ledger.payments(input, locale), 'import.payments', audit),
    'readings.export': (filter) => {
      const names = new Map(problemNames.all().map((p) => [p.code, p.name]));
      return rows.all(filter).map((row) => ({
        ...row,
        overMaxAccepted: row.overMaxAccepted === 1,
        belowPreviousConfirmed: row.belowPreviousConfirmed === 1,
        rollover: row.rollover === 1,
        problems: (JSON.parse(row.problems) as number[]).map((code) => names.get(code) ?? String(code)).join('; '),
      }));
    },
  };
}

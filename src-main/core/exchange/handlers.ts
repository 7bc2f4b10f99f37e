import type { exchangeChannels, ExportedReading } from '../../../shared/contract/exchange';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { accountImporter } from './account-import';

type Sql = Omit<ExportedReading, 'overMaxAccepted' | 'belowPreviousConfirmed' | 'rollover' | 'problems'> & {
  overMaxAccepted: number | null;
  belowPreviousConfirmed: number | null;
  rollover: number | null;
  problems: string;
};

/** Entered readings for the billing system: executed and not executed positions, with reasons, flags and who entered them. */
export function exchangeHandlers(db: Db): Handlers<keyof typeof exchangeChannels> {
  const importAccounts = accountImporter(db);
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
    'import.accounts': (input, { locale, audit }) => {
      const result = importAccounts(input, locale);
      if (result.problems.length === 0) audit('change', 'import.accounts', null, null, { rows: result.rows, created: result.created, updated: result.updated });
      return result;
    },
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

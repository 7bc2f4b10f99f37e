import type { FindingRow, RemovedMeter } from '../../../shared/contract/visit';
import type { Db } from '../../db/open';

type FindingSql = Omit<FindingRow, 'replaced' | 'before'> & { pointId: number; replaced: number; before: string };

/** The account card's meter history and visit findings of every point of an account, newest first. */
export function cardMeterHistory(db: Db) {
  const removed = db.prepare<[number], RemovedMeter & { pointId: number }>(
    `SELECT h.point_id AS pointId, h.serial, h.model, h.digits, h.placement, h.condition, h.seals, h.installed_on AS installedOn,
       h.removed_on AS removedOn, f.value AS finalValue, f.consumption AS finalConsumption, i.value AS nextInitialValue,
       h.removed_by AS removedBy, h.removed_at AS removedAt
     FROM metering_points p JOIN meter_history h ON h.point_id = p.id
     JOIN readings f ON f.id = h.final_reading_id JOIN readings i ON i.id = h.initial_reading_id
     WHERE p.account_id = ? ORDER BY h.removed_on DESC, h.id DESC`,
  );
  const findings = db.prepare<[number], FindingSql>(
    `SELECT v.point_id AS pointId, v.found_on AS foundOn, v.placement, v.condition, v.seals,
       CASE WHEN v.meter_change_id IS NULL THEN v.serial END AS serial, CASE WHEN v.meter_change_id IS NULL THEN v.model END AS model,
       v.meter_change_id IS NOT NULL AS replaced, v.card_before AS before, v.entered_by AS enteredBy, v.entered_at AS enteredAt,
       tp.task_id AS taskId, tp.seq
     FROM metering_points p JOIN visit_findings v ON v.point_id = p.id JOIN task_positions tp ON tp.id = v.position_id
     WHERE p.account_id = ? ORDER BY v.found_on DESC, v.id DESC`,
  );
  return (accountId: number) => {
    const meters = removed.all(accountId);
    const visits = findings.all(accountId).map(({ replaced, before, ...row }): FindingRow & { pointId: number } => ({
      ...row,
      replaced: replaced === 1,
      before: JSON.parse(before) as FindingRow['before'],
    }));
    return {
      removedOf: (pointId: number): RemovedMeter[] => meters.filter((m) => m.pointId === pointId).map(({ pointId: _p, ...m }) => m),
      findingsOf: (pointId: number): FindingRow[] => visits.filter((v) => v.pointId === pointId).map(({ pointId: _p, ...v }) => v),
    };
  };
}

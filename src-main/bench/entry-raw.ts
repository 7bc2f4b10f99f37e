import type { Db } from '../db/open';
import { percentile, round, type Figure } from './figures';

type RawPosition = { id: number; taskId: number; seq: number; pointId: number; status: string; checkedOn: string | null };

/**
 * The same work as an operator's commit with none of our rules, the floor under entry.commit_p99_ms:
 * in one durable transaction, the position read with its point and task, its previous control
 * reading, the reading inserted with its consumption, the position marked executed, an audit row
 * with the position before and after, the task's counts by status, and the next open position read
 * with its previous reading. One row is not the same work: sqlite.raw_insert_p99_ms stays beside it.
 */
export function commitRawFigure(db: Db, nextTask: () => { taskId: number; checkedOn: string }, samples = 1000): Figure {
  const position = (where: string) =>
    db.prepare<unknown[], RawPosition>(
      `SELECT tp.id, tp.task_id AS taskId, tp.seq, tp.point_id AS pointId, tp.status, tp.checked_on AS checkedOn,
         tp.account_number, tp.full_name, tp.address, tp.meter_serial, tp.meter_digits, p.commodity, t.task_date
       FROM task_positions tp JOIN metering_points p ON p.id = tp.point_id JOIN walk_tasks t ON t.id = tp.task_id WHERE ${where}`,
    );
  const byId = position('tp.id = ?');
  const bySeq = position('tp.task_id = ? AND tp.seq = ?');
  const previous = db.prepare<[number, string], { value: number; takenOn: string }>(
    `SELECT value, taken_on AS takenOn FROM readings WHERE point_id = ? AND kind = 'control' AND estimated = 0 AND taken_on <= ?
     ORDER BY taken_on DESC, id DESC LIMIT 1`,
  );
  const insertReading = db.prepare(
    `INSERT INTO readings (point_id, taken_on, value, kind, task_position_id, entered_by, consumption)
     VALUES (?, ?, ?, 'control', ?, 'bench', ?)`,
  );
  const markExecuted = db.prepare(
    `UPDATE task_positions SET status = 'executed', checked_on = ?, entered_by = 'bench',
       entered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  );
  const audit = db.prepare(
    `INSERT INTO audit_log (login, channel, action, entity, entity_id, old_value, new_value)
     VALUES ('bench', 'entry.save', 'change', 'reading', ?, ?, ?)`,
  );
  const counts = db.prepare('SELECT status, count(*) AS n FROM task_positions WHERE task_id = ? GROUP BY status');
  const nextOpen = db
    .prepare<[number, number], number>(
      "SELECT seq FROM task_positions WHERE task_id = ? AND status = 'new' AND seq > ? ORDER BY seq LIMIT 1",
    )
    .pluck();

  const commit = db.transaction((positionId: number, checkedOn: string) => {
    const row = byId.get(positionId)!;
    const prev = previous.get(row.pointId, checkedOn);
    const value = (prev?.value ?? 0) + 7;
    insertReading.run(row.pointId, checkedOn, value, row.id, prev ? value - prev.value : null);
    markExecuted.run(checkedOn, row.id);
    audit.run(
      row.id,
      JSON.stringify({ status: row.status, checkedOn: row.checkedOn }),
      JSON.stringify({ status: 'executed', value, checkedOn }),
    );
    counts.all(row.taskId);
    const seq = nextOpen.get(row.taskId, row.seq);
    if (seq === undefined) return null;
    const next = bySeq.get(row.taskId, seq)!;
    previous.get(next.pointId, checkedOn);
    return next.id;
  });

  const times: number[] = [];
  while (times.length < samples) {
    const { taskId, checkedOn } = nextTask();
    let positionId: number | null = bySeq.get(taskId, 1)?.id ?? null;
    while (positionId !== null && times.length < samples) {
      const started = performance.now();
      positionId = commit(positionId, checkedOn);
      times.push(performance.now() - started);
    }
  }
  return {
    name: 'entry.commit_raw_p99_ms',
    value: round(percentile(times, 99), 2),
    unit: 'ms',
    note: `p99 of ${times.length} commits of the same work done plainly (p50 ${round(percentile(times, 50), 2)}): one durable transaction reading the position, its previous reading, inserting the reading and an audit row, marking the position, counting the task by status and reading the next position with its previous reading; compare with entry.commit_p99_ms`,
  };
}

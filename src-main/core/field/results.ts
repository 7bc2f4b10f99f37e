import type { z } from 'zod';
import type { fieldResultsRequest, FieldResultsAnswer } from '../../../shared/contract/field';
import type { ReadingCheck } from '../../../shared/contract/validation';
import { errorMessage } from '../../../shared/i18n/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { auditTrail } from '../audit/trail';
import { DomainError } from '../errors';
import { checkQueue } from '../validation/check-queue';
import type { FieldCaller } from './service';

type Request = z.output<typeof fieldResultsRequest>;
type Answered = FieldResultsAnswer['results'][number];

/**
 * What a phone sends back, taken in once per client id. A result waits for the operator (the
 * entry screen's «з телефону»); one for a position the office has entered already is kept beside
 * it and, when it says something else, put in the correction queue — never written over the office's.
 * Each result stands alone: one that cannot be taken (its position handed to another controller
 * since the plan came) is answered `refused` with why, and the rest of the batch goes in.
 */
export function fieldResults(db: Db, today: () => string) {
  const audit = auditTrail(db);
  const queue = checkQueue(db, { today });
  const known = db.prepare<[string], { positionId: number }>('SELECT position_id AS positionId FROM phone_results WHERE client_id = ?');
  const position = db.prepare<
    [number],
    {
      id: number;
      pointId: number;
      executorId: number | null;
      status: string;
      reasonCode: number | null;
      value: number | null;
      readingId: number | null;
    }
  >(
    `SELECT tp.id, tp.point_id AS pointId, t.executor_id AS executorId, tp.status, tp.reason_code AS reasonCode,
       r.value, r.id AS readingId
     FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id LEFT JOIN readings r ON r.task_position_id = tp.id
     WHERE tp.id = ?`,
  );
  const reason = db.prepare<[number], { uk: string; en: string }>(
    'SELECT name_uk AS uk, name_en AS en FROM non_execution_reasons WHERE code = ? AND active = 1',
  );
  const problemCodes = db.prepare<[], { code: number }>('SELECT code FROM meter_problems WHERE active = 1');
  // A newer result for the same position replaces one still waiting: the controller corrected it.
  const replaceWaiting = db.prepare(
    "UPDATE phone_results SET status = 'replaced', settled_by = @login, settled_at = @at WHERE position_id = @positionId AND status = 'waiting'",
  );
  const insert = db.prepare(
    `INSERT INTO phone_results (client_id, session_id, sent_by, position_id, value, reason_code, confirmed, problems, note,
       findings, taken_at, taken_on, lat, lon, accuracy, photo_client_id, status)
     VALUES (@clientId, @sessionId, @login, @positionId, @value, @reasonCode, @confirmed, @problems, @note, @findings,
       @takenAt, @takenOn, @lat, @lon, @accuracy, @photoId, @status)`,
  );

  /** Why one result cannot be taken in, or null: a refusal is the result's own, the others go on. */
  const refusal = (caller: FieldCaller, result: Request['results'][number], problems: Set<number>): DomainError | null => {
    const row = position.get(result.positionId);
    if (!row || row.executorId !== caller.employeeId) return new DomainError('field.notYourPosition', { position: result.positionId });
    const previous = known.get(result.clientId);
    if (previous && previous.positionId !== result.positionId) return new DomainError('field.clientIdReused');
    if (result.reasonCode !== null && !reason.get(result.reasonCode)) return new DomainError('entry.unknownReason');
    if (result.problems.some((code) => !problems.has(code))) return new DomainError('entry.unknownProblem');
    return null;
  };

  /** What the phone's result says against the office's entry, for the master to decide on; null when they agree. */
  const disagreement = (
    office: NonNullable<ReturnType<typeof position.get>>,
    result: Request['results'][number],
    by: string,
  ): ReadingCheck | null => {
    if (office.value === result.value && office.reasonCode === result.reasonCode) return null;
    const named = (code: number | null) => (code === null ? null : (reason.get(code) ?? null));
    return {
      code: 'phoneResult',
      controller: by,
      phoneValue: result.value,
      phoneReason: named(result.reasonCode),
      officeValue: office.value,
      officeReason: named(office.reasonCode),
    };
  };

  return (caller: FieldCaller, request: Request, locale: Locale): FieldResultsAnswer => {
    const problems = new Set(problemCodes.all().map((p) => p.code));
    const at = new Date().toISOString();
    const results = request.results.map((result): Answered => {
      const refused = refusal(caller, result, problems);
      if (refused) {
        const error = { code: refused.code, message: errorMessage(refused.code, locale, refused.params) };
        return { clientId: result.clientId, status: 'refused', error };
      }
      if (known.get(result.clientId)) return { clientId: result.clientId, status: 'duplicate' };
      const office = position.get(result.positionId)!;
      const status = office.status === 'new' ? 'waiting' : 'beside';
      if (status === 'waiting') replaceWaiting.run({ login: caller.login, at, positionId: result.positionId });
      insert.run({
        clientId: result.clientId,
        sessionId: caller.sessionId,
        login: caller.login,
        positionId: result.positionId,
        value: result.value,
        reasonCode: result.reasonCode,
        confirmed: JSON.stringify(result.confirmed),
        problems: JSON.stringify(result.problems),
        note: result.note,
        findings: result.findings ? JSON.stringify(result.findings) : null,
        takenAt: result.takenAt,
        // The phone's own day: the date part as the phone wrote it, in its offset.
        takenOn: result.takenAt.slice(0, 10),
        lat: result.location?.lat ?? null,
        lon: result.location?.lon ?? null,
        accuracy: result.location?.accuracy ?? null,
        photoId: result.photoId,
        status,
      });
      if (status === 'beside') {
        const differs = disagreement(office, result, caller.fullName);
        if (differs) {
          queue.enqueue({
            readingId: office.readingId,
            pointId: office.pointId,
            positionId: office.id,
            takenOn: result.takenAt.slice(0, 10),
            value: result.value ?? office.value ?? 0,
            consumption: null,
            expected: null,
            checks: [differs],
            enteredBy: caller.login,
          });
        }
      }
      return { clientId: result.clientId, status: status === 'waiting' ? 'new' : 'beside' };
    });
    audit({
      login: caller.login,
      channel: 'field.results',
      action: 'create',
      entity: 'phoneResult',
      entityId: null,
      oldValue: null,
      newValue: results,
    });
    return { results };
  };
}

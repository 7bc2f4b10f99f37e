import type { phoneChannels } from '../../../shared/contract/phone';
import type { VisitFindingsInput } from '../../../shared/contract/visit';
import { doubtfulConditions } from '../../../shared/contract/visit';
import { judgeBands } from '../../../shared/validation/bands';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import type { EntryStore } from '../entry/entry-store';
import type { Handlers } from '../registry';
import type { FieldPhotos } from './photos';

interface WaitingSql {
  id: number;
  positionId: number;
  value: number | null;
  reasonCode: number | null;
  problems: string;
  note: string;
  findings: string | null;
  takenOn: string;
  taskDate: string;
}

/**
 * The office's side of the phones: results taken in at entry, photos on the account card. A
 * result is taken in unasked only when nothing about it would stop a typed one: every check of
 * the bands passed, a meter in order, its day within the task's and today — the rest the
 * operator reviews one by one, with the dialogs typed readings get.
 */
export function phoneHandlers(
  db: Db,
  options: { today: () => string; store: EntryStore; photos: FieldPhotos },
): Handlers<keyof typeof phoneChannels> {
  const { store, photos } = options;
  const waiting = db.prepare<[number], WaitingSql>(
    `SELECT pr.id, pr.position_id AS positionId, pr.value, pr.reason_code AS reasonCode, pr.problems, pr.note, pr.findings,
       pr.taken_on AS takenOn, t.task_date AS taskDate
     FROM phone_results pr JOIN task_positions tp ON tp.id = pr.position_id JOIN walk_tasks t ON t.id = tp.task_id
     WHERE tp.task_id = ? AND tp.status = 'new' AND pr.status = 'waiting' ORDER BY tp.seq`,
  );

  const plausible = (result: WaitingSql, findings: VisitFindingsInput | null): boolean => {
    if (result.takenOn < result.taskDate || result.takenOn > options.today()) return false;
    if (findings?.replacement || (findings?.condition && doubtfulConditions.includes(findings.condition))) return false;
    if (result.value === null) return true;
    const figures = store.figures(result.positionId, result.takenOn);
    if (figures.digits !== null && result.value >= 10 ** figures.digits) return false;
    return judgeBands({ ...figures, value: result.value, checkedOn: result.takenOn }).checks.length === 0;
  };

  const acceptPlausible = (taskId: number, locale: Locale, user: string) => {
    const results = waiting.all(taskId);
    let accepted = 0;
    for (const result of results) {
      const findings = result.findings === null ? null : (JSON.parse(result.findings) as VisitFindingsInput);
      if (!plausible(result, findings)) continue;
      store.save(
        {
          positionId: result.positionId,
          checkedOn: result.takenOn,
          maxConsumption: store.maxima(),
          outcome:
            result.value === null
              ? { kind: 'reason', reasonCode: result.reasonCode! }
              : { kind: 'reading', value: String(result.value), accepted: [], retypedValue: null },
          problems: JSON.parse(result.problems) as number[],
          note: result.note,
          findings: findings && {
            placement: findings.placement ?? null,
            condition: findings.condition ?? null,
            seals: findings.seals ?? null,
            serial: findings.serial ?? null,
            model: findings.model ?? null,
            replacement: null,
          },
        },
        locale,
        user,
      );
      accepted++;
    }
    return { accepted, left: results.length - accepted };
  };

  return {
    'phone.acceptPlausible': {
      audit: { entity: 'phoneResult', action: 'change', id: ({ taskId }) => taskId },
      run: ({ taskId }, { locale, user }) => acceptPlausible(taskId, locale, user),
    },
    'photos.ofPoint': ({ pointId }) =>
      photos.ofPoint(pointId).map((row) => ({
        photoId: row.clientId,
        positionId: row.positionId,
        seq: row.seq,
        takenAt: row.takenAt,
        sentBy: row.sentBy,
        taskDate: row.taskDate,
        routeNumber: row.routeNumber,
        bytes: row.bytes,
      })),
    'photos.image': ({ photoId }) => ({ dataUrl: photos.image(photoId).dataUrl }),
  };
}

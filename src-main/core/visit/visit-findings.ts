import type { z } from 'zod';
import {
  conditionWords,
  doubtfulConditions,
  placementWords,
  type MeterCondition,
  type MeterPlacement,
  type RecordedFindings,
  type visitFindings,
} from '../../../shared/contract/visit';
import type { Db } from '../../db/open';
import type { readingChain } from '../entry/reading-chain';
import { DomainError } from '../errors';
import type { checkQueue } from '../validation/check-queue';
import { meterReplacements, type JudgeFinal, type Replacement } from './meter-replacement';

export type Findings = z.output<typeof visitFindings>;

/** The card's fields a visit may change, as the meter row keeps them. */
interface Card {
  placement: string;
  condition: string;
  seals: string;
  serial: string;
  model: string;
}
const cardFields = ['placement', 'condition', 'seals', 'serial', 'model'] as const;

interface FindingSql {
  id: number;
  pointId: number;
  placement: MeterPlacement | null;
  condition: MeterCondition | null;
  seals: string | null;
  serial: string | null;
  model: string | null;
  digits: number | null;
  verificationDue: string | null;
  meterChangeId: number | null;
  cardBefore: string;
}

/** Seal numbers as the card keeps them: one list, a comma between, whatever the sheet used. */
export const normalSeals = (typed: string) =>
  typed
    .split(/[\s,;]+/u)
    .filter((seal) => seal !== '')
    .join(', ');

/** What the findings state, as the card would say it; null for a field the visit found as the card says. */
function stated(findings: Findings): Record<keyof Card, string | null> {
  const seals = findings.seals === null ? '' : normalSeals(findings.seals);
  return {
    placement: findings.placement && placementWords[findings.placement],
    condition: findings.condition && conditionWords[findings.condition],
    seals: seals === '' ? null : seals,
    serial: findings.serial || null,
    model: findings.model || null,
  };
}

const nothingStated = (findings: Findings) =>
  findings.replacement === null && Object.values(stated(findings)).every((value) => value === null);

/**
 * What a visit finds at the meter (docs/domain.md, "What the visit finds at the meter"), recorded
 * with the position in its transaction: a replacement first (meter-replacement.ts), then placement,
 * condition, seals and a serial or model read off the same meter, each written to the card where
 * it differs. A position entered again takes back what it recorded before — a change nothing has
 * built on since, a field the card still shows as this visit set it and no later visit restated —
 * and records the new findings, so a slip of the keys leaves no trace on the card; the audit log
 * keeps both. The card takes what the latest entered visit found.
 */
export function visitRecorder(db: Db, chain: ReturnType<typeof readingChain>, queue: ReturnType<typeof checkQueue>) {
  const replacements = meterReplacements(db, chain, queue);
  const card = db.prepare<[number], Card>('SELECT placement, condition, seals, serial, model FROM meters WHERE point_id = ?');
  const writeCard = db.prepare<Card & { pointId: number }>(
    `UPDATE meters SET placement = @placement, condition = @condition, seals = @seals, serial = @serial, model = @model
     WHERE point_id = @pointId`,
  );
  const byPosition = db.prepare<[number], FindingSql>(
    `SELECT id, point_id AS pointId, placement, condition, seals, serial, model, digits, verification_due AS verificationDue,
       meter_change_id AS meterChangeId, card_before AS cardBefore FROM visit_findings WHERE position_id = ?`,
  );
  // Later visits of the point that stated each field: a field one of them set is theirs to keep.
  const restatedLater = db.prepare<{ pointId: number; id: number }, Record<keyof Card, number>>(
    `SELECT coalesce(max(placement IS NOT NULL), 0) AS placement, coalesce(max(condition IS NOT NULL), 0) AS condition,
       coalesce(max(seals IS NOT NULL), 0) AS seals, coalesce(max(serial IS NOT NULL OR meter_change_id IS NOT NULL), 0) AS serial,
       coalesce(max(model IS NOT NULL OR meter_change_id IS NOT NULL), 0) AS model
     FROM visit_findings WHERE point_id = @pointId AND id > @id`,
  );
  const dropFindings = db.prepare('DELETE FROM visit_findings WHERE id = ?');
  const insertFindings = db.prepare(
    `INSERT INTO visit_findings (position_id, point_id, found_on, placement, condition, seals, serial, model, digits,
       verification_due, meter_change_id, card_before, entered_by)
     VALUES (@positionId, @pointId, @foundOn, @placement, @condition, @seals, @serial, @model, @digits,
       @verificationDue, @meterChangeId, @cardBefore, @user)`,
  );

  /** The same replacement as the one recorded: a re-entry that only corrects the reading keeps it as it is. */
  const sameReplacement = (row: FindingSql, asked: Replacement, checkedOn: string): boolean => {
    const change = replacements.get(row.meterChangeId!)!;
    const number = (typed: string) => (/^\d{1,12}$/.test(typed.trim()) ? Number(typed.trim()) : NaN);
    return (
      row.serial === asked.serial &&
      (row.model ?? '') === asked.model &&
      row.digits === number(asked.digits) &&
      change.initialValue === number(asked.initialValue) &&
      change.finalValue === number(asked.finalValue) &&
      change.removedOn === (asked.installedOn ?? checkedOn) &&
      row.verificationDue === asked.verificationDue
    );
  };

  /** Puts back the fields this visit set, where the card still shows them and no later visit stated them again. */
  const revertFields = (row: FindingSql, before: Card) => {
    const now = card.get(row.pointId)!;
    // With a replacement the serial and model are the new meter's, which only taking the change back removes.
    const own = row.meterChangeId === null;
    const applied = stated({ ...row, serial: own ? row.serial : null, model: own ? row.model : null, replacement: null });
    const later = restatedLater.get({ pointId: row.pointId, id: row.id })!;
    const back = { ...now };
    for (const field of cardFields) {
      if (applied[field] !== null && now[field] === applied[field] && !later[field]) back[field] = before[field];
    }
    writeCard.run({ ...back, pointId: row.pointId });
  };

  return {
    /** What the position recorded, for its form and the audit log. */
    recorded(positionId: number): RecordedFindings | null {
      const row = byPosition.get(positionId);
      if (!row) return null;
      const change = row.meterChangeId === null ? null : replacements.get(row.meterChangeId)!;
      return {
        placement: row.placement,
        condition: row.condition,
        seals: row.seals,
        serial: change ? null : row.serial,
        model: change ? null : row.model,
        replacement: change && {
          serial: row.serial!,
          model: row.model ?? '',
          digits: row.digits!,
          initialValue: change.initialValue,
          finalValue: change.finalValue,
          installedOn: change.removedOn,
          verificationDue: row.verificationDue,
          removedSerial: change.removedSerial,
        },
      };
    },

    /**
     * Records the position's findings in place of what it recorded before. Returns the condition
     * that puts the position's reading in doubt, if the visit found one.
     */
    enter(input: {
      position: { positionId: number; pointId: number };
      findings: Findings | null;
      checkedOn: string;
      user: string;
      judge: JudgeFinal;
    }): { doubtful: MeterCondition | null } {
      const { position, checkedOn, user } = input;
      const findings = input.findings && !nothingStated(input.findings) ? input.findings : null;
      const earlier = byPosition.get(position.positionId);
      let changeId: number | null = null;
      if (earlier) {
        const keep =
          earlier.meterChangeId !== null &&
          findings !== null &&
          findings.replacement !== null &&
          sameReplacement(earlier, findings.replacement, checkedOn);
        dropFindings.run(earlier.id);
        // The removed meter's card comes back whole with it; otherwise the fields go back one by one.
        if (earlier.meterChangeId !== null && !keep) replacements.undo(earlier.meterChangeId, user);
        else revertFields(earlier, JSON.parse(earlier.cardBefore) as Card);
        if (keep) {
          changeId = earlier.meterChangeId;
          // The position's reading is the new meter's: a check date moved before the change would put it on the old one.
          const { removedOn } = replacements.get(changeId!)!;
          if (removedOn > checkedOn) {
            throw new DomainError('visit.installedAfterCheck', { date: removedOn, checked: checkedOn }, 'replacement.installedOn');
          }
        }
      }
      if (!findings) return { doubtful: null };

      const asked = stated(findings);
      const { replacement } = findings;
      if (replacement && (asked.serial !== null || asked.model !== null))
        throw new DomainError('visit.serialWithReplacement', {}, 'serial');
      let digits: number | null = null;
      if (replacement && changeId === null) {
        ({ changeId, digits } = replacements.replace({
          pointId: position.pointId,
          positionId: position.positionId,
          checkedOn,
          replacement,
          user,
          judge: input.judge,
        }));
      } else if (replacement) digits = earlier!.digits;
      const before = card.get(position.pointId);
      if (!before) throw new DomainError('visit.noMeter');
      const after = { ...before };
      for (const field of cardFields) after[field] = asked[field] ?? before[field];
      writeCard.run({ ...after, pointId: position.pointId });
      insertFindings.run({
        positionId: position.positionId,
        pointId: position.pointId,
        foundOn: checkedOn,
        placement: findings.placement,
        condition: findings.condition,
        seals: asked.seals,
        // Read off the meter: the new one's with a replacement, else the card's correction.
        serial: replacement ? replacement.serial : asked.serial,
        model: replacement ? replacement.model : asked.model,
        digits,
        verificationDue: replacement?.verificationDue ?? null,
        meterChangeId: changeId,
        cardBefore: JSON.stringify(before),
        user,
      });
      return { doubtful: findings.condition && doubtfulConditions.includes(findings.condition) ? findings.condition : null };
    },
  };
}

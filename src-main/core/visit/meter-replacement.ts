import type { z } from 'zod';
import type { meterReplacement } from '../../../shared/contract/visit';
import type { ErrorCode } from '../../../shared/i18n/errors';
import type { Db } from '../../db/open';
import type { readingChain } from '../entry/reading-chain';
import { parseReading } from '../entry/plausibility';
import { DomainError } from '../errors';
import type { checkQueue } from '../validation/check-queue';
import type { BandJudgement } from '../../../shared/validation/bands';

export type Replacement = z.output<typeof meterReplacement>;

/** The removed meter's final reading judged as entry judges any (entry-store.ts gives the bands, the cut-off, the maximum). */
export type JudgeFinal = (input: {
  value: number;
  previous: { value: number; takenOn: string } | null;
  on: string;
  digits: number;
}) => BandJudgement & { expected: number | null };

interface MeterRow {
  serial: string;
  model: string;
  digits: number;
  placement: string;
  condition: string;
  seals: string;
  verificationDue: string;
  installedOn: string | null;
}

/** A change as written, for the position's form and for comparing a re-entry with it. */
export interface RecordedChange {
  id: number;
  pointId: number;
  removedOn: string;
  removedSerial: string;
  finalReadingId: number;
  initialReadingId: number;
  finalValue: number;
  initialValue: number;
}

/** The typed number, or the refusal that names the field and the meter's digits. */
function typedReading(typed: string, digits: number, code: ErrorCode, field: string): number {
  try {
    return parseReading(typed, digits);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(code, { digits }, field);
    throw error;
  }
}

/**
 * A meter found replaced (docs/domain.md, "What the visit finds at the meter"): in the position's
 * transaction the removed meter gets its final reading — a control reading on the day of the
 * change, judged against its previous one like any other, and into Контроль показників when it
 * fails a check (no dialog: it comes off the replacement act, not the sheet the operator is
 * typing) —, the new meter its initial reading the same day, which starts its chain with no
 * consumption, and the meter row becomes the new meter, the old card moving into the history.
 */
export function meterReplacements(db: Db, chain: ReturnType<typeof readingChain>, queue: ReturnType<typeof checkQueue>) {
  const meter = db.prepare<[number], MeterRow>(
    `SELECT serial, model, digits, placement, condition, seals, verification_due AS verificationDue, installed_on AS installedOn
     FROM meters WHERE point_id = ?`,
  );
  const latest = db.prepare<[number], { value: number; takenOn: string }>(
    `SELECT value, taken_on AS takenOn FROM readings WHERE point_id = ? AND kind = 'control' ORDER BY taken_on DESC, id DESC LIMIT 1`,
  );
  const insertFinal = db.prepare(
    `INSERT INTO readings (point_id, taken_on, value, kind, entered_by, consumption, over_max_accepted, rollover, after_disconnection)
     VALUES (@pointId, @takenOn, @value, 'control', @user, @consumption, @overMax, @rollover, @afterDisconnection)`,
  );
  const insertInitial = db.prepare(
    `INSERT INTO readings (point_id, taken_on, value, kind, entered_by) VALUES (@pointId, @takenOn, @value, 'control', @user)`,
  );
  const keepRemoved = db.prepare(
    `INSERT INTO meter_history (point_id, serial, model, digits, placement, condition, seals, verification_due, installed_on,
       removed_on, final_reading_id, initial_reading_id, position_id, removed_by)
     VALUES (@pointId, @serial, @model, @digits, @placement, @condition, @seals, @verificationDue, @installedOn,
       @removedOn, @finalReadingId, @initialReadingId, @positionId, @user)`,
  );
  // The new meter takes the old one's place; what the visit says of its state and seals comes after.
  const install = db.prepare(
    `UPDATE meters SET serial = @serial, model = @model, digits = @digits, installed_on = @installedOn,
       verification_due = @verificationDue, condition = '', seals = '' WHERE point_id = @pointId`,
  );
  const restore = db.prepare(
    `UPDATE meters SET serial = @serial, model = @model, digits = @digits, placement = @placement, condition = @condition,
       seals = @seals, verification_due = @verificationDue, installed_on = @installedOn WHERE point_id = @pointId`,
  );
  const recorded = db.prepare<[number], RecordedChange>(
    `SELECT h.id, h.point_id AS pointId, h.removed_on AS removedOn, h.serial AS removedSerial,
       h.final_reading_id AS finalReadingId, h.initial_reading_id AS initialReadingId,
       f.value AS finalValue, i.value AS initialValue
     FROM meter_history h JOIN readings f ON f.id = h.final_reading_id JOIN readings i ON i.id = h.initial_reading_id
     WHERE h.id = ?`,
  );
  const removed = db.prepare<[number], MeterRow>(
    `SELECT serial, model, digits, placement, condition, seals, verification_due AS verificationDue, installed_on AS installedOn
     FROM meter_history WHERE id = ?`,
  );
  // Anything on the new meter after its initial reading, or a later change: the change is no longer the last word.
  const settledBy = db.prepare<{ pointId: number; on: string; initialId: number; changeId: number }, { takenOn: string }>(
    `SELECT taken_on AS takenOn FROM readings WHERE point_id = @pointId AND kind = 'control'
       AND (taken_on > @on OR (taken_on = @on AND id > @initialId))
     UNION ALL SELECT removed_on FROM meter_history WHERE point_id = @pointId AND id <> @changeId
       AND (removed_on > @on OR (removed_on = @on AND initial_reading_id > @initialId))
     LIMIT 1`,
  );
  const dropChange = db.prepare('DELETE FROM meter_history WHERE id = ?');
  const dropReading = db.prepare('DELETE FROM readings WHERE id = ?');

  return {
    get: (changeId: number) => recorded.get(changeId) ?? null,

    /**
     * Checks the replacement and writes it. `checkedOn` is the position's check date: the change is
     * dated then unless the sheet says when the new meter was put in.
     */
    replace(input: { pointId: number; positionId: number; checkedOn: string; replacement: Replacement; user: string; judge: JudgeFinal }): {
      changeId: number;
      digits: number;
      queuedFinal: boolean;
    } {
      const { pointId, positionId, checkedOn, replacement, user } = input;
      const old = meter.get(pointId);
      if (!old) throw new DomainError('visit.noMeter');
      const serial = replacement.serial;
      if (serial === '') throw new DomainError('visit.serialRequired', {}, 'replacement.serial');
      if (serial === old.serial) throw new DomainError('visit.sameSerial', { serial }, 'replacement.serial');
      const typedDigits = replacement.digits.trim();
      const digits = /^\d{1,2}$/.test(typedDigits) ? Number(typedDigits) : NaN;
      if (!(digits >= 3 && digits <= 9)) throw new DomainError('visit.digits', {}, 'replacement.digits');
      const initialValue = typedReading(replacement.initialValue, digits, 'visit.initialValue', 'replacement.initialValue');
      const finalValue = typedReading(replacement.finalValue, old.digits, 'visit.finalValue', 'replacement.finalValue');
      const on = replacement.installedOn ?? checkedOn;
      if (on > checkedOn) throw new DomainError('visit.installedAfterCheck', { date: on, checked: checkedOn }, 'replacement.installedOn');
      const previous = latest.get(pointId) ?? null;
      // The old meter's readings all come before its final one: a change dated before one of them would cut its chain.
      if (previous && previous.takenOn > on) {
        throw new DomainError('visit.installedBeforeReading', { date: on, last: previous.takenOn }, 'replacement.installedOn');
      }
      if (replacement.verificationDue !== null && replacement.verificationDue < on) {
        throw new DomainError('visit.verificationBeforeInstall', { date: replacement.verificationDue }, 'replacement.verificationDue');
      }
      const judged = input.judge({ value: finalValue, previous, on, digits: old.digits });
      if (judged.checks.some((check) => check.code === 'belowPrevious')) {
        throw new DomainError('visit.finalBelowPrevious', { value: finalValue, previous: previous!.value }, 'replacement.finalValue');
      }
      const codes = judged.checks.map((check) => check.code);
      const finalReadingId = Number(
        insertFinal.run({
          pointId,
          takenOn: on,
          value: finalValue,
          user,
          consumption: previous ? judged.consumption : null,
          overMax: codes.includes('tooHigh') || codes.includes('overMaximum') ? 1 : 0,
          rollover: codes.includes('rollover') ? 1 : 0,
          afterDisconnection: codes.includes('afterDisconnection') ? 1 : 0,
        }).lastInsertRowid,
      );
      if (judged.checks.length > 0) {
        queue.enqueue({
          readingId: finalReadingId,
          pointId,
          positionId,
          takenOn: on,
          value: finalValue,
          consumption: previous ? judged.consumption : null,
          expected: judged.expected,
          checks: judged.checks,
          enteredBy: user,
        });
      }
      const initialReadingId = Number(insertInitial.run({ pointId, takenOn: on, value: initialValue, user }).lastInsertRowid);
      const changeId = Number(
        keepRemoved.run({ pointId, ...old, removedOn: on, finalReadingId, initialReadingId, positionId, user }).lastInsertRowid,
      );
      install.run({
        pointId,
        serial,
        model: replacement.model,
        digits,
        installedOn: on,
        verificationDue: replacement.verificationDue ?? '',
      });
      return { changeId, digits, queuedFinal: judged.checks.length > 0 };
    },

    /**
     * Takes back a change its position recorded (the position entered again without it, or with
     * another): the removed meter back on the card, both readings of the day gone. Refused once the
     * new meter has a reading of its own or was replaced in turn: the change is then a fact others
     * built on, and a master corrects the readings in Контроль показників instead.
     */
    undo(changeId: number, user: string) {
      const change = recorded.get(changeId)!;
      const later = settledBy.get({ pointId: change.pointId, on: change.removedOn, initialId: change.initialReadingId, changeId });
      if (later) throw new DomainError('visit.replacementSettled', { date: later.takenOn, serial: change.removedSerial }, 'replacement');
      const card = removed.get(changeId)!;
      queue.readingRemoved(change.finalReadingId, user);
      queue.readingRemoved(change.initialReadingId, user);
      dropChange.run(changeId);
      dropReading.run(change.initialReadingId);
      dropReading.run(change.finalReadingId);
      restore.run({ pointId: change.pointId, ...card });
      chain.restateFollowing(change.pointId, { takenOn: change.removedOn, id: change.finalReadingId });
    },
  };
}

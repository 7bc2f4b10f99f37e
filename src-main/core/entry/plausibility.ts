import type { EntryCheck } from '../../../shared/contract/entry';
import { DomainError } from '../errors';

/** The typed text as a reading, or the reason it is not one. */
export function parseReading(typed: string, digits: number | null): number {
  const text = typed.trim();
  if (/^-\s*\d+$/.test(text)) throw new DomainError('entry.negative', {}, 'value');
  if (!/^\d{1,12}$/.test(text)) throw new DomainError('entry.notANumber', {}, 'value');
  const value = Number(text);
  if (digits !== null && value >= 10 ** digits) throw new DomainError('entry.tooManyDigits', { digits }, 'value');
  return value;
}

export interface Judgement {
  consumption: number;
  rollover: boolean;
  belowPreviousConfirmed: boolean;
  overMaxAccepted: boolean;
}

export interface Confirmations {
  confirmOverMax: boolean;
  confirmRollover: boolean;
  retypedValue: string | null;
}

const needs = (check: EntryCheck, code: 'entry.overMax' | 'entry.belowPrevious', params: Record<string, unknown>) =>
  new DomainError(code, params, 'value', check);

/**
 * Consumption and what the operator must confirm about it. A lower reading is a meter that
 * wrapped past 99…9 only when the wrap implies no more than the maximum; otherwise it must be
 * typed again to be accepted. Above the maximum it must be confirmed as correct.
 */
export function judgeReading(
  value: number,
  previous: number | null,
  digits: number | null,
  max: number,
  confirm: Confirmations,
): Judgement {
  if (previous === null) return { consumption: 0, rollover: false, belowPreviousConfirmed: false, overMaxAccepted: false };
  if (value < previous) {
    const wrap = digits === null ? null : 10 ** digits - previous + value;
    const rolloverConsumption = wrap !== null && wrap <= max ? wrap : null;
    if (rolloverConsumption !== null && confirm.confirmRollover) {
      return { consumption: rolloverConsumption, rollover: true, belowPreviousConfirmed: false, overMaxAccepted: false };
    }
    if (confirm.retypedValue !== null) {
      if (confirm.retypedValue.trim() !== String(value)) throw new DomainError('entry.retypeMismatch', {}, 'value');
      return { consumption: value - previous, rollover: false, belowPreviousConfirmed: true, overMaxAccepted: false };
    }
    throw needs({ kind: 'belowPrevious', value, previous, rolloverConsumption }, 'entry.belowPrevious', { value, previous });
  }
  const consumption = value - previous;
  if (consumption > max && !confirm.confirmOverMax) {
    throw needs({ kind: 'overMax', consumption, max }, 'entry.overMax', { consumption, max });
  }
  return { consumption, rollover: false, belowPreviousConfirmed: false, overMaxAccepted: consumption > max };
}

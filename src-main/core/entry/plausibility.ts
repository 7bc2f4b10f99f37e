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

/** The average month the maximum is stated for: 365.25 / 12, rounded as the manual's practice has it. */
export const daysInMonth = 30.4;

/**
 * "Макс. споживання" is a monthly figure: over a gap of `days` between control readings the
 * plausible consumption is max × days / 30.4. A gap under a day (two checks on one date) counts
 * as one day, so a second reading the same day is still judged, not waved through or always flagged.
 */
export function allowedConsumption(monthlyMax: number, days: number): number {
  return Math.round((monthlyMax * Math.max(days, 1)) / daysInMonth);
}

/** Whole days from the previous control reading to this one; dates are YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
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

export interface Previous {
  value: number;
  takenOn: string;
}

export interface Limit {
  /** The monthly maximum of the point's commodity, as the operator set it for the session. */
  monthlyMax: number;
  checkedOn: string;
}

const needs = (check: EntryCheck, code: 'entry.overMax' | 'entry.belowPrevious', params: Record<string, unknown>) =>
  new DomainError(code, params, 'value', check);

/** The same number typed again: leading zeros and spaces do not make it another number. */
function sameNumber(retyped: string, value: number): boolean {
  const text = retyped.trim();
  return /^\d{1,12}$/.test(text) && Number(text) === value;
}

/**
 * Consumption and what the operator must confirm about it.
 * - Above the maximum for the days since the previous control reading: confirmed as correct.
 * - Below the previous reading: a meter that wrapped past 99…9 when wrapping is the nearer
 *   explanation (the wrap is smaller than the step back); the rollover's own consumption is then
 *   judged against the maximum like any other. Otherwise the value must be typed again, as a number.
 */
export function judgeReading(
  value: number,
  previous: Previous | null,
  digits: number | null,
  limit: Limit,
  confirm: Confirmations,
): Judgement {
  if (previous === null) return { consumption: 0, rollover: false, belowPreviousConfirmed: false, overMaxAccepted: false };
  const days = daysBetween(previous.takenOn, limit.checkedOn);
  const allowed = allowedConsumption(limit.monthlyMax, days);
  const overMax = (consumption: number) => ({ consumption, allowed, max: limit.monthlyMax, days });

  if (value < previous.value) {
    const wrap = digits === null ? null : 10 ** digits - previous.value + value;
    const rollover = wrap !== null && wrap < previous.value - value ? { ...overMax(wrap), overMax: wrap > allowed } : null;
    if (rollover && confirm.confirmRollover && (!rollover.overMax || confirm.confirmOverMax)) {
      return { consumption: rollover.consumption, rollover: true, belowPreviousConfirmed: false, overMaxAccepted: rollover.overMax };
    }
    if (confirm.retypedValue !== null) {
      if (!sameNumber(confirm.retypedValue, value)) throw new DomainError('entry.retypeMismatch', {}, 'value');
      return { consumption: value - previous.value, rollover: false, belowPreviousConfirmed: true, overMaxAccepted: false };
    }
    throw needs({ kind: 'belowPrevious', value, previous: previous.value, rollover }, 'entry.belowPrevious', {
      value,
      previous: previous.value,
    });
  }
  const consumption = value - previous.value;
  if (consumption > allowed && !confirm.confirmOverMax) {
    throw needs({ kind: 'overMax', ...overMax(consumption) }, 'entry.overMax', { consumption, allowed, days });
  }
  return { consumption, rollover: false, belowPreviousConfirmed: false, overMaxAccepted: consumption > allowed };
}

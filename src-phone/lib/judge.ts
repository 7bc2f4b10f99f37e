import type { FieldPosition } from '../../shared/contract/field';
import type { ReadingCheck, ReadingCheckCode } from '../../shared/contract/validation';
import { errorMessage } from '../../shared/i18n/errors';
import { readingCheckSentence } from '../../shared/i18n/reading-checks';
import { judgeBands } from '../../shared/validation/bands';
import { readReadingText } from '../../shared/validation/reading-text';
import { unitWords } from '../words';

/**
 * The phone judges a reading offline by the core's own code (shared/validation/bands.ts) and the
 * figures the plan brought for the position, on the phone's date. What the workstation's entry
 * screen asks the operator to confirm, the phone asks the controller to type again: on a touch
 * screen a second typing is the confirmation a stray tap cannot give. The core judges the result
 * again when it arrives; `confirmed` tells it which checks the controller saw.
 */

/** The typed text as a reading, refused in the entry screen's words. */
export function parseReading(typed: string, digits: number | null): { value: number } | { error: string } {
  const read = readReadingText(typed, digits);
  return 'error' in read ? { error: errorMessage(read.error, 'uk', read.params) } : read;
}

/** The checks a reading fails, taken on `checkedOn` (the phone's local date). */
export function judgeReading(position: Pick<FieldPosition, 'judge'>, value: number, checkedOn: string): ReadingCheck[] {
  const { previous, digits, cutoff, expected, monthlyMax, bands } = position.judge;
  return judgeBands({ value, previous, checkedOn, digits, cutoff, expected, monthlyMax, bands }).checks;
}

/** Each check as the workstation's entry dialog says it, with the point's unit. */
export const checkSentences = (checks: ReadingCheck[], position: Pick<FieldPosition, 'commodity'>): string[] =>
  checks.map((check) => readingCheckSentence(check, 'uk', unitWords[position.commodity]));

export type ReadingDecision =
  | { kind: 'invalid'; message: string }
  /** Failed checks: show them and ask for the reading again (in the «Повторіть показник» field). */
  | { kind: 'retype'; checks: ReadingCheck[] }
  | { kind: 'mismatch'; checks: ReadingCheck[]; message: string }
  | { kind: 'ready'; value: number; confirmed: ReadingCheckCode[] };

/** The same number typed again: leading zeros and spaces do not make it another number (as the core's sameNumber). */
const sameNumber = (retyped: string, value: number) => /^\d{1,12}$/.test(retyped.trim()) && Number(retyped.trim()) === value;

/** A result saved before: its value and the checks the controller confirmed for it then. */
export interface ConfirmedBefore {
  value: number;
  confirmed: readonly ReadingCheckCode[];
}

/**
 * What saving a typed reading comes to. `retyped` is null until the phone has shown the checks and
 * asked for the value again; an empty second field asks again. A saved result opened again for
 * its note or photo is not retyped again: its value's checks were confirmed when it was saved.
 */
export function decideReading(
  typed: string,
  retyped: string | null,
  position: Pick<FieldPosition, 'judge' | 'meter'>,
  checkedOn: string,
  before: ConfirmedBefore | null = null,
): ReadingDecision {
  const parsed = parseReading(typed, position.judge.digits ?? position.meter?.digits ?? null);
  if ('error' in parsed) return { kind: 'invalid', message: parsed.error };
  const checks = judgeReading(position, parsed.value, checkedOn);
  const codes = checks.map((check) => check.code);
  if (checks.length === 0) return { kind: 'ready', value: parsed.value, confirmed: [] };
  if (before && before.value === parsed.value && codes.every((code) => before.confirmed.includes(code))) {
    return { kind: 'ready', value: parsed.value, confirmed: codes };
  }
  if (retyped === null || retyped.trim() === '') return { kind: 'retype', checks };
  if (!sameNumber(retyped, parsed.value)) return { kind: 'mismatch', checks, message: errorMessage('entry.retypeMismatch', 'uk') };
  return { kind: 'ready', value: parsed.value, confirmed: codes };
}

import type { EntryCheck } from '../../../shared/contract/entry';
import type { ReadingCheck, ReadingCheckCode } from '../../../shared/contract/validation';
import type { BandJudgement } from '../../../shared/validation/bands';
import { DomainError } from '../errors';
import { readReadingText } from '../../../shared/validation/reading-text';

/** The typed text as a reading, or the reason it is not one. */
export function parseReading(typed: string, digits: number | null): number {
  const read = readReadingText(typed, digits);
  if ('error' in read) throw new DomainError(read.error, read.params, 'value');
  return read.value;
}

export interface Accepted {
  consumption: number;
  rollover: boolean;
  belowPreviousConfirmed: boolean;
  /** Above the band or, without history, above the monthly maximum. */
  overMaxAccepted: boolean;
  /** What the reading failed, as saved: the correction queue takes it with these. */
  checks: ReadingCheck[];
}

export interface Confirmations {
  /** The checks the operator accepted in the dialog. */
  accepted: readonly ReadingCheckCode[];
  retypedValue: string | null;
}

/** The same number typed again: leading zeros and spaces do not make it another number. */
function sameNumber(retyped: string, value: number): boolean {
  const text = retyped.trim();
  return /^\d{1,12}$/.test(text) && Number(text) === value;
}

/**
 * What the operator must have done about a judged reading (validation/bands.ts) before it is saved:
 * - below the previous reading and no rollover: typed again, as the same number (a slip of the hand
 *   is the likelier cause than a meter running back);
 * - any other check: accepted by name in the dialog that stated it. A request accepting "too high"
 *   does not carry a rollover the operator was never shown.
 * The reading saved is still doubtful: it goes to the correction queue with what it failed.
 */
export function acceptJudgement(value: number, judged: BandJudgement, expected: number | null, confirm: Confirmations): Accepted {
  const codes = judged.checks.map((check) => check.code);
  const details: EntryCheck = { checks: judged.checks, consumption: judged.consumption, expected, days: judged.days };
  const below = judged.checks.find((check) => check.code === 'belowPrevious');
  const rollover = judged.checks.find((check) => check.code === 'rollover');
  // Typed again instead of taken as a rollover: the operator says the meter did not wrap.
  const notRollover = rollover && confirm.retypedValue !== null && !confirm.accepted.includes('rollover');
  if (below || notRollover) {
    const previous = below?.previous ?? rollover!.previous;
    if (confirm.retypedValue === null) throw new DomainError('entry.belowPrevious', { value, previous }, 'value', details);
    if (!sameNumber(confirm.retypedValue, value)) throw new DomainError('entry.retypeMismatch', {}, 'value');
    return {
      consumption: value - previous,
      rollover: false,
      belowPreviousConfirmed: true,
      overMaxAccepted: false,
      checks: [{ code: 'belowPrevious', value, previous }],
    };
  }
  if (codes.some((code) => !confirm.accepted.includes(code))) throw new DomainError('entry.check', {}, 'value', details);
  return {
    consumption: judged.consumption,
    rollover: rollover !== undefined,
    belowPreviousConfirmed: false,
    overMaxAccepted: codes.includes('tooHigh') || codes.includes('overMaximum'),
    checks: judged.checks,
  };
}

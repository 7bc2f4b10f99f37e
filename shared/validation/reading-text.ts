/**
 * A reading as typed: a whole number of at most the meter's digits. The core refuses by these codes
 * (entry/plausibility.ts) and the phone says the same words offline, so both read a typed value alike.
 */
export type ReadingText =
  | { value: number }
  | { error: 'entry.negative' | 'entry.notANumber'; params: Record<string, never> }
  | { error: 'entry.tooManyDigits'; params: { digits: number } };

export function readReadingText(typed: string, digits: number | null): ReadingText {
  const text = typed.trim();
  if (/^-\s*\d+$/.test(text)) return { error: 'entry.negative', params: {} };
  if (!/^\d{1,12}$/.test(text)) return { error: 'entry.notANumber', params: {} };
  const value = Number(text);
  if (digits !== null && value >= 10 ** digits) return { error: 'entry.tooManyDigits', params: { digits } };
  return { value };
}

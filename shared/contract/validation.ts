/**
 * A check a reading failed, with the figures its dialog states (src-main/core/validation/bands.ts
 * decides; shared/i18n/reading-checks.ts says it). Consumption and expected are in the point's
 * units (m³ of gas, kWh); ratio is rounded to tenths, as the sentence says it.
 */
export type ReadingCheck =
  /** Above factor × expected: ratio = consumption / expected. */
  | { code: 'tooHigh'; consumption: number; expected: number; ratio: number; factor: number }
  /** Below expected / factor: ratio = expected / consumption, null for a consumption of 0. */
  | { code: 'tooLow'; consumption: number; expected: number; ratio: number | null; factor: number }
  /** Nothing used over more than zeroDays on a connected point. */
  | { code: 'zero'; days: number; zeroDays: number }
  /** Something used on a point that is disconnected. */
  | { code: 'afterDisconnection'; consumption: number }
  /** Lower than the previous control reading and not a rollover. */
  | { code: 'belowPrevious'; value: number; previous: number }
  /** Wrapped past 99…9; consumption is across 10^digits. */
  | { code: 'rollover'; value: number; previous: number; consumption: number }
  /** No history to judge by: above the monthly maximum scaled to the days. */
  | { code: 'overMaximum'; consumption: number; allowed: number; max: number; days: number };

export const readingCheckCodes = ['tooHigh', 'tooLow', 'zero', 'afterDisconnection', 'belowPrevious', 'rollover', 'overMaximum'] as const;
export type ReadingCheckCode = (typeof readingCheckCodes)[number];
// Every code of the union is listed above, and nothing else: a new check must be named in both.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const everyCheckListed: Same<ReadingCheck['code'], ReadingCheckCode> = true;

/**
 * What a point is expected to use from its previous control reading to a date, and the band a
 * reading's consumption passes in (low ≤ consumption ≤ high); for the entry form to show beside the value.
 */
export interface ExpectedBand {
  /** The date it is reckoned to (the position's check date, or the task's). */
  on: string;
  consumption: number;
  low: number;
  high: number;
}

import type { ReadingCheck } from '../contract/validation';

/**
 * How a reading is judged, in one place for the workstation's core and the controller's phone: the
 * phone checks a reading offline against the same figures the core will judge it by.
 */

export interface Bands {
  /** Too high: consumption above highFactor × expected. */
  highFactor: number;
  /** Too low: consumption below expected / lowFactor. */
  lowFactor: number;
  /** Zero consumption over more than this many days on a connected point. */
  zeroDays: number;
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

export interface ReadingToJudge {
  value: number;
  /** The latest control reading before this one (by date), or null for a point's first. */
  previous: { value: number; takenOn: string } | null;
  checkedOn: string;
  digits: number | null;
  /** The meter's reading at the cut-off in force on the reading's date; null on a connected point. */
  cutoff: number | null;
  /** The point's expected consumption from the previous reading to this one (expected.ts), or null without enough history. */
  expected: number | null;
  /** The commodity's monthly maximum, which judges a point without history. */
  monthlyMax: number;
  /** The bands of the point's commodity. */
  bands: Bands;
}

export interface BandJudgement {
  /** Since the previous control reading: across 10^digits for a rollover; negative for a step down. */
  consumption: number;
  days: number;
  checks: ReadingCheck[];
}

/** Float products of a factor and an expected figure in thousandths must not move an edge. */
const epsilon = 1e-9;
const tenths = (value: number) => Math.round(value * 10) / 10;

/**
 * Consumption from one reading to the next: a step down is a rollover when wrapping past 99…9 is
 * the nearer explanation (the wrap is smaller than the step back); otherwise null, no consumption.
 */
export function stepFrom(previous: number, value: number, digits: number | null): { consumption: number; rollover: boolean } | null {
  if (value >= previous) return { consumption: value - previous, rollover: false };
  const wrap = digits === null ? null : 10 ** digits - previous + value;
  return wrap !== null && wrap < previous - value ? { consumption: wrap, rollover: true } : null;
}

/**
 * The checks a reading fails (docs/domain.md, "Expected consumption and the bands"). The edges
 * belong to the plausible side: exactly highFactor × expected passes, as does exactly expected /
 * lowFactor, and zero consumption over exactly zeroDays days.
 * - Lower than the previous control reading: a rollover when wrapping past 99…9 is the nearer
 *   explanation (the rule of entry/plausibility.ts), whose consumption is then judged like any
 *   other; otherwise below previous, and nothing more can be said of it.
 * - A disconnected point should use nothing: any rise above the meter's reading at the cut-off is
 *   the one check (consumption since the previous reading may include use before the cut-off).
 * - Zero over more than zeroDays on a connected point; a shorter zero is judged as too low.
 * - With an expected figure above 0: too high or too low. Without one — too short a history, or a
 *   point that never used anything, where every consumption would be "infinitely" above — the
 *   monthly maximum for the days judges it, as entry always has.
 */
export function judgeBands(reading: ReadingToJudge): BandJudgement {
  const { value, previous, digits, bands, expected } = reading;
  const afterCutoff = (): ReadingCheck[] =>
    reading.cutoff !== null && value > reading.cutoff ? [{ code: 'afterDisconnection', consumption: value - reading.cutoff }] : [];
  // A point's first reading has nothing to be judged against, except a cut-off's reading.
  if (previous === null) return { consumption: 0, days: 0, checks: afterCutoff() };
  const days = daysBetween(previous.takenOn, reading.checkedOn);
  const checks: ReadingCheck[] = [];
  const step = stepFrom(previous.value, value, digits);
  if (step === null) {
    checks.push({ code: 'belowPrevious', value, previous: previous.value });
    return { consumption: value - previous.value, days, checks };
  }
  const { consumption } = step;
  if (step.rollover) checks.push({ code: 'rollover', value, previous: previous.value, consumption });
  if (reading.cutoff !== null) return { consumption, days, checks: [...checks, ...afterCutoff()] };
  const zero = consumption === 0 && days > bands.zeroDays;
  if (zero) checks.push({ code: 'zero', days, zeroDays: bands.zeroDays });
  if (expected !== null && expected > 0) {
    if (consumption > bands.highFactor * expected + epsilon) {
      checks.push({ code: 'tooHigh', consumption, expected, ratio: tenths(consumption / expected), factor: bands.highFactor });
    } else if (!zero && consumption < expected / bands.lowFactor - epsilon) {
      const ratio = consumption === 0 ? null : tenths(expected / consumption);
      checks.push({ code: 'tooLow', consumption, expected, ratio, factor: bands.lowFactor });
    }
  } else {
    const allowed = allowedConsumption(reading.monthlyMax, days);
    if (consumption > allowed) checks.push({ code: 'overMaximum', consumption, allowed, max: reading.monthlyMax, days });
  }
  return { consumption, days, checks };
}

/**
 * The band a consumption passes in, for the entry form to show: from expected / lowFactor to
 * highFactor × expected, rounded outwards to whole units as the meter counts them.
 */
export function bandOf(expected: number, bands: Bands): { low: number; high: number } {
  return { low: Math.ceil(expected / bands.lowFactor - epsilon), high: Math.floor(bands.highFactor * expected + epsilon) };
}

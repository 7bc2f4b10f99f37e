import type { ReadingCheck } from '../../../shared/contract/validation';
import { allowedConsumption, daysBetween } from '../entry/plausibility';
import type { Bands } from './validation-settings';

export interface ReadingToJudge {
  value: number;
  /** The latest control reading before this one (by date), or null for a point's first. */
  previous: { value: number; takenOn: string } | null;
  checkedOn: string;
  digits: number | null;
  status: 'connected' | 'disconnected';
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
 * The checks a reading fails (docs/domain.md, "Expected consumption and the bands"). The edges
 * belong to the plausible side: exactly highFactor × expected passes, as does exactly expected /
 * lowFactor, and zero consumption over exactly zeroDays days.
 * - Lower than the previous control reading: a rollover when wrapping past 99…9 is the nearer
 *   explanation (the rule of entry/plausibility.ts), whose consumption is then judged like any
 *   other; otherwise below previous, and nothing more can be said of it.
 * - A disconnected point should use nothing: any consumption is the one check.
 * - Zero over more than zeroDays on a connected point; a shorter zero is judged as too low.
 * - With an expected figure above 0: too high or too low. Without one — too short a history, or a
 *   point that never used anything, where every consumption would be "infinitely" above — the
 *   monthly maximum for the days judges it, as entry always has.
 */
export function judgeBands(reading: ReadingToJudge): BandJudgement {
  const { value, previous, digits, bands, expected } = reading;
  if (previous === null) return { consumption: 0, days: 0, checks: [] };
  const days = daysBetween(previous.takenOn, reading.checkedOn);
  const checks: ReadingCheck[] = [];
  let consumption = value - previous.value;
  if (value < previous.value) {
    const wrap = digits === null ? null : 10 ** digits - previous.value + value;
    if (wrap === null || wrap >= previous.value - value) {
      checks.push({ code: 'belowPrevious', value, previous: previous.value });
      return { consumption, days, checks };
    }
    consumption = wrap;
    checks.push({ code: 'rollover', value, previous: previous.value, consumption });
  }
  if (reading.status === 'disconnected') {
    if (consumption > 0) checks.push({ code: 'afterDisconnection', consumption });
    return { consumption, days, checks };
  }
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

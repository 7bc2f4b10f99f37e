import { z } from 'zod';
import { id, isoDate } from './common';
import { read } from './define';
import type { Commodity } from './entry';
import type { MeterCondition } from './visit';

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
  | { code: 'overMaximum'; consumption: number; allowed: number; max: number; days: number }
  /** Read off a meter the visit found not working, its seal broken or its glass broken (shared/contract/visit.ts). */
  | { code: 'meterCondition'; condition: MeterCondition }
  /** The controller's phone sent another result for a position the office had entered from paper. */
  | {
      code: 'phoneResult';
      controller: string;
      phoneValue: number | null;
      phoneReason: { uk: string; en: string } | null;
      officeValue: number | null;
      officeReason: { uk: string; en: string } | null;
    };

export const readingCheckCodes = [
  'tooHigh',
  'tooLow',
  'zero',
  'afterDisconnection',
  'belowPrevious',
  'rollover',
  'overMaximum',
  'meterCondition',
  'phoneResult',
] as const;
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

/** One calendar month of a point's consumption chart. */
export interface ConsumptionMonth {
  /** YYYY-MM. */
  month: string;
  /**
   * What the point used in the month, from its control readings: each interval between two of them
   * spread over the months it spans by the profile's weighted days, in thousandths. Null when no
   * interval that gives a figure covers any day of the month (not read around it, or a step down).
   */
  consumption: number | null;
  /** The point's rate × the month's weighted days, in thousandths; null without enough history. */
  expected: number | null;
  /** Days of the month covered by intervals that give a figure, of its days: a partly covered month holds part of its use. */
  coveredDays: number;
  days: number;
}

/** A control reading of the chart's window, with what was used since the control reading before it. */
export interface ConsumptionReading {
  takenOn: string;
  value: number;
  /** Null for the first reading the point has, and for a step down that is not a rollover. */
  consumption: number | null;
  /** Entered as a rollover: consumption is across 10^digits. */
  rollover: boolean;
  /** Lower than the control reading before it and not a rollover: the interval gives no figure. */
  stepDown: boolean;
  /** A new meter's first reading (visit/meter-changes.ts): nothing is counted from the removed meter's. */
  meterStart: boolean;
  enteredBy: string | null;
}

/** A point's consumption over the 24 calendar months ending with the as-of month (src-main/core/validation/consumption-history.ts). */
export interface PointConsumption {
  pointId: number;
  commodity: Commodity;
  asOf: string;
  /** 24 months, the oldest first, the as-of month last. */
  months: ConsumptionMonth[];
  /** The point's control readings in the window (one a day: the later entered), the oldest first. */
  readings: ConsumptionReading[];
  /** Consumption per profile-weighted day as expected consumption reads it; null without enough history. */
  baseRate: number | null;
}

/** The months a consumption chart shows, whatever the validation.historyMonths setting. */
export const consumptionChartMonths = 24;

export const validationChannels = {
  /** A point's consumption by month with what was expected, for its chart; as of today unless asked. */
  'validation.pointConsumption': read<PointConsumption>()(z.object({ pointId: id, asOf: isoDate.optional() })),
};

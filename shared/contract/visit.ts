import { z } from 'zod';
import { isoDate, text } from './common';

/**
 * What a controller finds at the meter when it differs from the card (docs/domain.md, "What the
 * visit finds at the meter"): where it hangs, what state it is in, its seals, and a meter that is
 * not the one on the card — the card's mistake, or another meter put in its place.
 */
export const meterPlacements = ['apartment', 'stairwell', 'facade', 'basement', 'outbuilding'] as const;
export type MeterPlacement = (typeof meterPlacements)[number];
export const meterConditions = ['ok', 'damaged', 'sealBroken', 'glassBroken', 'notWorking'] as const;
export type MeterCondition = (typeof meterConditions)[number];

/**
 * The words the meter's card keeps, as the billing system's files bring them: the card is shared
 * with billing, so it is written in the state language whatever the screen speaks.
 */
export const placementWords: Record<MeterPlacement, string> = {
  apartment: 'квартира',
  stairwell: 'сходова клітка',
  facade: 'фасад',
  basement: 'підвал',
  outbuilding: 'окрема будівля',
};
export const conditionWords: Record<MeterCondition, string> = {
  ok: 'справний',
  damaged: 'пошкоджений',
  sealBroken: 'пломба порушена',
  glassBroken: 'скло розбите',
  notWorking: 'не працює',
};

/** A reading taken off a meter in one of these states says little of what was used: it waits in Контроль показників. */
export const doubtfulConditions: readonly MeterCondition[] = ['sealBroken', 'glassBroken', 'notWorking'];

/**
 * Another meter found in place of the card's: the new one's serial, model and digits, its reading
 * when installed and the day (the check date unless told), and the removed meter's final reading.
 * Numbers come as typed, so every locale gets the core's clear refusal.
 */
export const meterReplacement = z.object({
  serial: text(30),
  model: text(60).default(''),
  digits: z.string().max(20),
  initialValue: z.string().max(20),
  finalValue: z.string().max(20),
  installedOn: isoDate.nullable().default(null),
  verificationDue: isoDate.nullable().default(null),
});

/** Each field null (or left out) when the visit found it as the card says. */
export const visitFindings = z.object({
  placement: z.enum(meterPlacements).nullable().default(null),
  condition: z.enum(meterConditions).nullable().default(null),
  /** Seal numbers as written on the sheet, separated by commas or spaces. */
  seals: text(100).nullable().default(null),
  /** The serial and model read off the same meter where the card has them wrong; not with a replacement. */
  serial: text(30).nullable().default(null),
  model: text(60).nullable().default(null),
  replacement: meterReplacement.nullable().default(null),
});
export type VisitFindingsInput = z.input<typeof visitFindings>;

/** What an entered position recorded about the meter, as the entry form shows it again. */
export interface RecordedFindings {
  placement: MeterPlacement | null;
  condition: MeterCondition | null;
  seals: string | null;
  serial: string | null;
  model: string | null;
  replacement: {
    serial: string;
    model: string;
    digits: number;
    initialValue: number;
    finalValue: number;
    installedOn: string;
    verificationDue: string | null;
    /** The meter it replaced. */
    removedSerial: string;
  } | null;
}

/** The meter a point has now, as its card says. */
export interface MeterCard {
  serial: string;
  model: string;
  digits: number;
  placement: string;
  condition: string;
  seals: string;
  /** Null when installed before Obhid knew the point. */
  installedOn: string | null;
  verificationDue: string;
}

/** A meter the point had before, closed by its final reading on the day it was found replaced. */
export interface RemovedMeter {
  serial: string;
  model: string;
  digits: number;
  placement: string;
  condition: string;
  seals: string;
  installedOn: string | null;
  removedOn: string;
  finalValue: number;
  /** From the control reading before it, on the same meter; null when it was the meter's only one. */
  finalConsumption: number | null;
  /** The reading the next meter started from. */
  nextInitialValue: number;
  removedBy: string;
  removedAt: string;
}

/** One visit's findings as the card lists them: what was stated and what the card said before. */
export interface FindingRow {
  foundOn: string;
  placement: MeterPlacement | null;
  condition: MeterCondition | null;
  seals: string | null;
  serial: string | null;
  model: string | null;
  /** The meter was found replaced on this visit (the removed one is in the meter history). */
  replaced: boolean;
  before: { placement: string; condition: string; seals: string; serial: string; model: string };
  enteredBy: string;
  enteredAt: string;
  taskId: number | null;
  seq: number | null;
}

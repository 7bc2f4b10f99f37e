import { z } from 'zod';
import type { Bands } from '../validation/bands';
import { text } from './common';
import type { Commodity } from './entry';
import { readingCheckCodes } from './validation';
import { visitFindings } from './visit';

/**
 * The field service: what the controller's phone says to the workstation over the branch's LAN
 * (docs/domain.md, "The controller's phone"). A listener of its own, apart from the operator's
 * channels: these requests are all it answers.
 *
 *   POST /field/pair            FieldPairRequest → FieldPaired                (no token: the pairing code is the key)
 *   GET  /field/plan            → FieldPlan                                   (Authorization: Bearer <token>)
 *   POST /field/results         FieldResultsRequest → FieldResultsAnswer      (Bearer)
 *   PUT  /field/photos/<id>     the JPEG itself, headers below → FieldPhotoAnswer (Bearer)
 *   POST /field/sign-out        → FieldSignedOut: the session ends, its token refused from then on (Bearer)
 *
 * Every answer is JSON; a refusal is `{ error: { code, message } }` with a 4xx status, its message
 * in the phone's language (Accept-Language, Ukrainian by default).
 */

/** A client id: the phone names each result and photo itself, so sending twice changes nothing. */
export const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const fieldPairRequest = z.object({
  /** The six digits the workstation's screen shows; valid 10 minutes, once. */
  code: z.string().regex(/^\d{6}$/),
  login: z.string().trim().min(2).max(40),
  password: z.string().min(1).max(200),
  /** What the phone calls itself ("Galaxy A14"), shown in the workstation's list of sessions. */
  device: text(80).default(''),
});
export type FieldPairRequest = z.input<typeof fieldPairRequest>;

export interface FieldPaired {
  /** Sent as `Authorization: Bearer <token>` from then on; the workstation keeps only its hash. */
  token: string;
  user: { login: string; fullName: string };
}

/** What the phone needs to judge a reading offline exactly as the core will (shared/validation/bands.ts). */
export interface FieldJudge {
  previous: { value: number; takenOn: string } | null;
  digits: number | null;
  cutoff: number | null;
  /**
   * Expected consumption from the previous reading to the task's date, by the point's history;
   * null when the monthly maximum judges. The core judges the result again by the day it was taken.
   */
  expected: number | null;
  monthlyMax: number;
  bands: Bands;
}

export interface FieldPosition {
  positionId: number;
  seq: number;
  accountNumber: string;
  consumer: string;
  address: string;
  commodity: Commodity;
  meter: { serial: string | null; model: string | null; digits: number | null } | null;
  judge: FieldJudge;
  /** Notices to hand over at this point (a warning of disconnection), in words. */
  deliver: string[];
  /** The point's own notes and why it is on the list («повторний контроль»). */
  notes: string[];
  /** The office has entered it already (from the paper sheet): a phone result goes beside it. */
  entered: boolean;
}

export interface FieldTask {
  taskId: number;
  taskDate: string;
  routeNumber: number;
  routeName: string;
  /** In walk order. */
  positions: FieldPosition[];
}

export interface FieldPlan {
  controller: { login: string; fullName: string };
  /** The workstation's date when the plan was read. */
  today: string;
  generatedAt: string;
  /** The controller's own tasks dated today and later, nearest first. */
  tasks: FieldTask[];
  reasons: { code: number; name: string }[];
  problems: { code: number; name: string }[];
}

export const fieldResult = z
  .object({
    clientId,
    positionId: z.number().int().positive(),
    /** The reading, or null with a reason. */
    value: z.number().int().min(0).max(999_999_999_999).nullable(),
    reasonCode: z.number().int().min(1).nullable(),
    /** The checks the phone showed and the controller confirmed by typing the reading again. */
    confirmed: z.array(z.enum(readingCheckCodes)).max(readingCheckCodes.length).default([]),
    problems: z.array(z.number().int().min(1)).max(20).default([]),
    note: text(500).default(''),
    findings: visitFindings.nullable().default(null),
    takenAt: z.iso.datetime({ offset: true }),
    /** Where the phone was, when the controller allowed it. */
    location: z
      .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), accuracy: z.number().min(0).max(100_000) })
      .nullable()
      .default(null),
    /** The photo sent for this result (PUT /field/photos/<id>), if one was taken. */
    photoId: clientId.nullable().default(null),
  })
  .refine((r) => (r.value === null) !== (r.reasonCode === null), { message: 'a reading or a reason, one of them' });
export type FieldResult = z.input<typeof fieldResult>;

export const fieldResultsRequest = z.object({ results: z.array(fieldResult).min(1).max(200) });

export interface FieldResultsAnswer {
  /**
   * One per result sent, in order: `new` taken in, `duplicate` had been (nothing changed), `beside`
   * kept beside what the office entered, `refused` not taken, with why (a position handed to another
   * controller since the plan came, a reason no longer in use): sending it again changes nothing.
   * A batch the schema refuses is refused whole (400).
   */
  results: { clientId: string; status: 'new' | 'duplicate' | 'beside' | 'refused'; error?: { code: string; message: string } }[];
}

/** Headers of PUT /field/photos/<id>: which position the photo is of and when it was taken. */
export const fieldPhotoMeta = z.object({
  positionId: z.coerce.number().int().positive(),
  takenAt: z.iso.datetime({ offset: true }),
});

/** «Вийти» on the phone: the session it ended. */
export interface FieldSignedOut {
  sessionId: number;
}

export interface FieldPhotoAnswer {
  photoId: string;
  status: 'new' | 'duplicate';
}

/** The photo as the phone compressed it (≤ 300 KB): a little room above that, and nothing bigger. */
export const fieldPhotoMaxBytes = 350 * 1024;
/** Results are small: 200 of them fit well inside this. */
export const fieldJsonMaxBytes = 512 * 1024;
export const fieldPairingMinutes = 10;

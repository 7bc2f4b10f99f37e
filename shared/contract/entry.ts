import { z } from 'zod';
import { read, write } from './define';
import { id, isoDate, text } from './common';
import { readingCheckCodes, type ExpectedBand, type ReadingCheck } from './validation';
import type { PhoneResultView } from './phone';
import { visitFindings, type MeterCard, type RecordedFindings } from './visit';

export type Commodity = 'gas' | 'electricity';

export interface EntryPosition {
  positionId: number;
  taskId: number;
  seq: number;
  total: number;
  accountId: number;
  accountNumber: string;
  fullName: string;
  address: string;
  /** The meter as the sheet printed it. */
  meterSerial: string | null;
  meterDigits: number | null;
  /** The point's meter as its card says now (another one, once a visit found it replaced); null without one. */
  meter: MeterCard | null;
  /** Judged with its own commodity's maximum and unit: one task may hold gas and electricity points. */
  commodity: Commodity;
  /** The latest control reading before this position's own, as consumption is counted from it. */
  previous: { value: number; takenOn: string } | null;
  /** Where entry goes after this position: the next open one by number, else the first still open. */
  nextOpenSeq: number | null;
  /** What the point is expected to use since the previous reading, by its own history; null without enough of it. */
  expected: ExpectedBand | null;
  /** Put into the task as «повторний контроль» of a reading the correction queue doubted. */
  reread: boolean;
  status: 'new' | 'executed' | 'not_executed';
  value: number | null;
  consumption: number | null;
  checkedOn: string | null;
  reasonCode: number | null;
  problems: number[];
  note: string;
  /** What the visit found at the meter, as entered with this position. */
  findings: RecordedFindings | null;
  /** The controller's phone's latest result for this position, if one came. */
  phone: PhoneResultView | null;
}

export interface EntrySummary {
  total: number;
  executed: number;
  notExecuted: number;
  open: number;
  byReason: { code: number; name: string; count: number }[];
  overMaxAccepted: number;
  belowPrevious: number;
  rollovers: number;
  /** Readings of the task waiting in the correction queue (Контроль показників). */
  queued: number;
  /** Results from the controller's phone waiting to be taken in (F9 takes the plausible ones). */
  phoneWaiting: number;
}

export interface EntrySession {
  taskId: number;
  routeNumber: number;
  routeName: string;
  taskDate: string;
  executorName: string | null;
  /** The commodities of the task's points, the most frequent first. */
  commodities: Commodity[];
  /** Monthly maxima to start the session with, from the settings. */
  maxConsumption: Record<Commodity, number>;
  total: number;
  /** Where entry resumes: the first position nothing has been entered for, or null when all are. */
  firstOpenSeq: number | null;
  summary: EntrySummary;
}

/**
 * What a reading failed, sent back as a refusal's details: the operator accepts the checks named
 * (F2), or, for a reading below the previous that is no rollover, types it again.
 */
export interface EntryCheck {
  checks: ReadingCheck[];
  /** Since the previous control reading; across 10^digits for a rollover. */
  consumption: number;
  /** By the point's history; null when the monthly maximum judged. */
  expected: number | null;
  days: number;
}

const monthlyMax = z.number().int().min(1).max(10_000_000);

export const entryOutcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reading'),
    /** As typed: the core decides what is a number, so every locale gets the same clear refusal. */
    value: z.string().max(20),
    /** The checks the operator saw in the dialog and accepted; a reading failing any other is asked about. */
    accepted: z.array(z.enum(readingCheckCodes)).max(readingCheckCodes.length).default([]),
    retypedValue: z.string().max(20).nullable().default(null),
  }),
  z.object({ kind: z.literal('reason'), reasonCode: z.number().int().min(1) }),
]);

/** What a position held before a correction, who entered it and who replaced it. */
export interface PositionHistoryRow {
  status: string;
  value: number | null;
  checkedOn: string | null;
  reasonCode: number | null;
  enteredBy: string | null;
  enteredAt: string | null;
  replacedBy: string;
  replacedAt: string;
}

export const entryChannels = {
  'entry.open': read<EntrySession>()(z.object({ taskId: id })),
  'entry.position': read<EntryPosition>()(z.object({ taskId: id, seq: z.number().int().min(1) })),
  'entry.save': write<{ saved: EntryPosition; next: EntryPosition | null; summary: EntrySummary }>()(
    z.object({
      positionId: id,
      checkedOn: isoDate,
      maxConsumption: z.object({ electricity: monthlyMax, gas: monthlyMax }),
      outcome: entryOutcome,
      problems: z.array(z.number().int().min(1)).max(20).default([]),
      note: text(500).default(''),
      /** What the controller found at the meter where it differs from the card (F7 on the form). */
      findings: visitFindings.nullable().default(null),
    }),
  ),
  'entry.history': read<PositionHistoryRow[]>()(z.object({ positionId: id })),
  'problems.list': read<{ code: number; name: string }[]>()(z.object({})),
};

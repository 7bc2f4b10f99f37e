import { z } from 'zod';
import { read, write } from './define';
import { id, isoDate, text } from './common';

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
  meterSerial: string | null;
  meterDigits: number | null;
  /** Judged with its own commodity's maximum and unit: one task may hold gas and electricity points. */
  commodity: Commodity;
  /** The latest control reading before this position's own, as consumption is counted from it. */
  previous: { value: number; takenOn: string } | null;
  /** Where entry goes after this position: the next open one by number, else the first still open. */
  nextOpenSeq: number | null;
  status: 'new' | 'executed' | 'not_executed';
  value: number | null;
  consumption: number | null;
  checkedOn: string | null;
  reasonCode: number | null;
  problems: number[];
  note: string;
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

/** Consumption against the monthly maximum scaled to the days since the previous control reading. */
export interface OverMax {
  consumption: number;
  /** max × days / 30.4, rounded */
  allowed: number;
  max: number;
  days: number;
}

/** What a plausibility check needs the operator to confirm; sent back as a refusal's details. */
export type EntryCheck =
  | ({ kind: 'overMax' } & OverMax)
  | {
      kind: 'belowPrevious';
      value: number;
      previous: number;
      /** The meter wrapped past 99…9, when that is the nearer explanation; may itself be over the maximum. */
      rollover: (OverMax & { overMax: boolean }) | null;
    };

const monthlyMax = z.number().int().min(1).max(10_000_000);

export const entryOutcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reading'),
    /** As typed: the core decides what is a number, so every locale gets the same clear refusal. */
    value: z.string().max(20),
    confirmOverMax: z.boolean().default(false),
    confirmRollover: z.boolean().default(false),
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
    }),
  ),
  'entry.history': read<PositionHistoryRow[]>()(z.object({ positionId: id })),
  'problems.list': read<{ code: number; name: string }[]>()(z.object({})),
};

import type { FindingRow, MeterCard, RemovedMeter } from './visit';
import type { CardCutoff, ReconnectionRow } from './orders';
import { z } from 'zod';
import { read, write, type Page } from './define';
import { id, isoDate, paging, text } from './common';

export interface AccountRow {
  id: number;
  number: string;
  fullName: string;
  address: string;
  phone: string;
  /** Computed from bills and payments as of today (core/ledger/debt.ts), never stored. */
  debtKop: number;
  pointCount: number;
}

export interface PointSearchRow {
  pointId: number;
  accountId: number;
  accountNumber: string;
  fullName: string;
  address: string;
  routeId: number | null;
  routeNumber: number | null;
}

export const pointMarkKinds = ['complaint', 'inspection'] as const;
export type PointMark = (typeof pointMarkKinds)[number];

/** A point's "Є звернення" and "на обстеження" marks: since when (null: not marked) and a note. */
export interface PointMarks {
  id: number;
  complaintSince: string | null;
  complaintNote: string;
  inspectionSince: string | null;
  inspectionNote: string;
}

/**
 * A point's disconnection warning as the card lists it (docs/domain.md, "Disconnection warnings");
 * `debtKop` is what it was formed for (non-payment only), not today's debt.
 */
export interface CardWarning {
  id: number;
  kind: 'non_payment' | 'non_admittance';
  status: 'formed' | 'issued' | 'executed' | 'cancelled';
  asOf: string;
  debtKop: number | null;
  issuedHow: 'in_hand' | 'mail' | null;
  issuedOn: string | null;
  receivedOn: string | null;
  earliestCutoffOn: string | null;
  cancelReason: 'paid' | 'restructured' | 'court' | 'moratorium' | 'operator' | null;
  cancelNote: string;
  closedOn: string | null;
}

export interface AccountCard {
  account: AccountRow;
  /** The account's standing on the card's day: debt due, billed but not yet due, overpayment. */
  ledger: { asOf: string; debtKop: number; notDueKop: number; creditKop: number };
  points: (Omit<PointMarks, 'id'> & {
    id: number;
    address: string;
    commodity: 'gas' | 'electricity';
    status: 'connected' | 'disconnected';
    routeNumber: number | null;
    routeName: string | null;
    /** This point's share of the account's debt as of the card's day. */
    debtKop: number;
    meter: MeterCard | null;
    /** The meters the point had before this one, the latest removed first (docs/domain.md, "What the visit finds at the meter"). */
    removedMeters: RemovedMeter[];
    /** What visits found at the meter, the latest first. */
    findings: FindingRow[];
    /** `afterDisconnection`: more on the meter than at the cut-off in force when it was read (docs/domain.md). */
    readings: {
      takenOn: string;
      value: number;
      kind: 'control' | 'self' | 'billing';
      enteredBy: string | null;
      afterDisconnection: boolean;
    }[];
    /** Newest period first; `unpaidKop` is what stays owed once the account's unapplied payments are spread. */
    bills: { period: string; amountKop: number; paidKop: number; deliveredOn: string | null; dueOn: string; unpaidKop: number }[];
    /** Newest first (by the date formed as of). */
    warnings: CardWarning[];
    /** The point's places in disconnection orders, newest first. */
    cutoffs: CardCutoff[];
    /** Newest first. */
    reconnections: ReconnectionRow[];
  })[];
  /** Newest first; `appliedKop` is the part the bills' paid amounts already hold. */
  payments: { paidOn: string; amountKop: number; source: string; appliedKop: number }[];
}

export const accountsChannels = {
  'accounts.search': read<Page<AccountRow>>()(z.object({ query: text(100).default(''), ...paging })),
  'accounts.card': read<AccountCard>()(z.object({ accountId: id })),
  'points.search': read<PointSearchRow[]>()(z.object({ query: text(100), limit: z.number().int().min(1).max(100).default(20) })),
  /** Sets a mark from a day with a note, or clears it (since: null). */
  'points.setMark': write<PointMarks>()(
    z.object({ pointId: id, mark: z.enum(pointMarkKinds), since: isoDate.nullable(), note: text(200).default('') }),
  ),
};

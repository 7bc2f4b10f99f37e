import { z } from 'zod';
import { exported, read, write } from './define';
import { id, isoDate } from './common';

/** One entered position as the billing system takes it back. */
export interface ExportedReading {
  accountNumber: string;
  pointId: number;
  /** The meter the value is on: the sheet's, or the one the visit found in its place. */
  meterSerial: string | null;
  routeNumber: number;
  taskId: number;
  taskDate: string;
  seq: number;
  status: 'executed' | 'not_executed';
  checkedOn: string | null;
  value: number | null;
  consumption: number | null;
  reasonCode: number | null;
  reason: string | null;
  overMaxAccepted: boolean;
  belowPreviousConfirmed: boolean;
  rollover: boolean;
  /** Read on a disconnected point above the meter's reading at the cut-off. */
  afterDisconnection: boolean;
  /** A master marked it estimated for billing (Контроль показників). */
  estimated: boolean;
  /** Still waiting for a decision in Контроль показників: in the file only when asked for. */
  queued: boolean;
  problems: string;
  note: string;
  enteredBy: string | null;
  enteredAt: string | null;
  /**
   * The visit found the meter replaced: the removed one, the day, its final reading and what it
   * counted since its previous control reading; `value` and `consumption` are then the new meter's,
   * counted from its initial reading. Null without a replacement.
   */
  removedSerial: string | null;
  replacedOn: string | null;
  finalValue: number | null;
  finalConsumption: number | null;
  initialValue: number | null;
}

export const exportFilter = z.object({
  dateFrom: isoDate,
  dateTo: isoDate,
  routeId: id.nullable().default(null),
  taskId: id.nullable().default(null),
  /** Readings still waiting in Контроль показників go to billing only when asked for. */
  includeQueued: z.boolean().default(false),
});

/**
 * What the billing system sends: one row per metering point with its account and meter, and
 * optionally the point's complaint and inspection marks (docs/domain.md, "Files from the billing system").
 */
export const accountImportFields = [
  'accountNumber',
  'fullName',
  'phone',
  'settlement',
  'settlementKind',
  'street',
  'streetKind',
  'house',
  'apartment',
  'commodity',
  'meterSerial',
  'meterModel',
  'meterDigits',
  'verificationDue',
  'complaintSince',
  'complaintNote',
  'inspectionSince',
  'inspectionNote',
] as const;
export type AccountImportField = (typeof accountImportFields)[number];
export const requiredAccountFields: readonly AccountImportField[] = [
  'accountNumber',
  'fullName',
  'settlement',
  'street',
  'house',
  'commodity',
];

/** Bills per metering point and period; payments per account. */
export const billImportFields = ['accountNumber', 'commodity', 'period', 'amount', 'paid', 'deliveredOn'] as const;
export type BillImportField = (typeof billImportFields)[number];
export const requiredBillFields: readonly BillImportField[] = ['accountNumber', 'period', 'amount'];
export const paymentImportFields = ['accountNumber', 'paidOn', 'amount', 'source'] as const;
export type PaymentImportField = (typeof paymentImportFields)[number];
export const requiredPaymentFields: readonly PaymentImportField[] = ['accountNumber', 'paidOn', 'amount'];
export const importKinds = ['accounts', 'bills', 'payments'] as const;
export type ImportKind = (typeof importKinds)[number];
export const importFields: Record<ImportKind, readonly string[]> = {
  accounts: accountImportFields,
  bills: billImportFields,
  payments: paymentImportFields,
};

export interface ImportProblem {
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** A payments file only: the non-payment warnings it cancelled, the debt now below the minimum. */
  cancelledWarnings?: number;
  /** Payments only: reconnection orders formed for disconnected points the payments paid up. */
  reconnectionsFormed?: number;
}

/** The file's required fields, by kind: a mapping without one of them is refused before any row is read. */
export const requiredImportFields: Record<ImportKind, readonly string[]> = {
  accounts: requiredAccountFields,
  bills: requiredBillFields,
  payments: requiredPaymentFields,
};

const upload = { fileName: z.string().trim().min(1).max(300), base64: z.string().max(200_000_000) };

/** Files are read and written by the host: XLSX is asynchronous work beside the core. */
export const exchangeHostChannels = {
  'import.preview': read<{ header: string[]; sample: string[][]; rowCount: number; mapping: Record<string, number> }>()(
    z.object({ ...upload, kind: z.enum(importKinds) }),
  ),
  'import.run': write<ImportResult>()(
    z.object({ ...upload, kind: z.enum(importKinds), mapping: z.record(z.string().max(40), z.number().int().min(0).max(99)) }),
  ),
  'export.readingsFile': exported<{ fileName: string; base64: string; rows: number; skippedQueued: number }>()(
    exportFilter.extend({ format: z.enum(['csv', 'xlsx']) }),
  ),
};

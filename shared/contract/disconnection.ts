import { z } from 'zod';
import { id, isoDate, paging, text } from './common';
import { read, write, type Page } from './define';

export const warningKinds = ['non_payment', 'non_admittance'] as const;
export type WarningKind = (typeof warningKinds)[number];
export const warningStatuses = ['formed', 'issued', 'executed', 'cancelled'] as const;
export type WarningStatus = (typeof warningStatuses)[number];
export const issueHows = ['in_hand', 'mail'] as const;
export type IssueHow = (typeof issueHows)[number];
/** 'paid' is left out: only a payments import cancels for payment, when the debt falls below the minimum. */
export const operatorCancelReasons = ['restructured', 'court', 'moratorium', 'operator'] as const;
export const cancelReasons = ['paid', ...operatorCancelReasons] as const;
export type CancelReason = (typeof cancelReasons)[number];

/** One warning as the register lists it (Попередження про відключення). */
export interface WarningRow {
  id: number;
  pointId: number;
  accountNumber: string;
  fullName: string;
  address: string;
  commodity: 'electricity' | 'gas';
  kind: WarningKind;
  status: WarningStatus;
  asOf: string;
  /** Non-payment: the unpaid total the warning was formed for; null for non-admittance. */
  debtKop: number | null;
  issuedHow: IssueHow | null;
  issuedOn: string | null;
  receivedOn: string | null;
  earliestCutoffOn: string | null;
  cancelReason: CancelReason | null;
  cancelNote: string;
  closedOn: string | null;
}

/** What a bulk issue or cancel changed: the warnings as they are now, in the order asked. */
export interface WarningsChanged {
  changed: number;
  warnings: WarningRow[];
}

const ids = z.array(id).min(1).max(5000);

export const disconnectionChannels = {
  'warnings.list': read<Page<WarningRow>>()(
    z.object({
      status: z.enum(['all', ...warningStatuses]).default('all'),
      kind: z.enum(['all', ...warningKinds]).default('all'),
      /** The period filters the date the warning was formed as of. */
      dateFrom: isoDate.nullable().default(null),
      dateTo: isoDate.nullable().default(null),
      routeId: id.nullable().default(null),
      ...paging,
    }),
  ),
  /** Formed → issued, all or none; the received date and the earliest cut-off are computed. */
  'warnings.issue': write<WarningsChanged>()(z.object({ ids, how: z.enum(issueHows), issuedOn: isoDate })),
  /** Formed or issued → cancelled, all or none; the operator's own reason needs a note. */
  'warnings.cancel': write<WarningsChanged>()(z.object({ ids, reason: z.enum(operatorCancelReasons), note: text(200).default('') })),
};

import { z } from 'zod';
import { id, isoDate, paging, requiredText, text } from './common';
import { read, write, type Page } from './define';

/**
 * Disconnection orders (наряди на відключення) and reconnection orders (наряди на підключення):
 * workflow 4 of the manual after the warnings (docs/domain.md, "Disconnection orders").
 */

/** What picks an order's points: issued warnings past their earliest cut-off, a debt, or refused visits. */
export const orderCriteria = ['warnings', 'debt', 'non_admittance'] as const;
export type OrderCriterion = (typeof orderCriteria)[number];
/** Why a point is in an order: the warning it follows, or the criterion that picked it. */
export const orderBases = ['non_payment', 'non_admittance', 'debt'] as const;
export type OrderBasis = (typeof orderBases)[number];
export const orderStatuses = ['new', 'done'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
/** Why a cut-off did not happen. */
export const notDoneReasons = ['no_access', 'paid_on_site', 'refused', 'technical', 'other'] as const;
export type NotDoneReason = (typeof notDoneReasons)[number];
export const reconnectionBases = ['paid', 'operator'] as const;
export type ReconnectionBasis = (typeof reconnectionBases)[number];
export const reconnectionStatuses = ['new', 'done'] as const;
export type ReconnectionStatus = (typeof reconnectionStatuses)[number];

export interface OrderRow {
  id: number;
  name: string;
  routeId: number | null;
  orderDate: string;
  criterion: OrderCriterion;
  status: OrderStatus;
  positions: number;
  done: number;
  notDone: number;
}

export interface OrderPosition {
  id: number;
  seq: number;
  pointId: number;
  accountNumber: string;
  fullName: string;
  address: string;
  commodity: 'electricity' | 'gas';
  basis: OrderBasis;
  /** The warning the cut-off follows, if any. */
  warningId: number | null;
  /** The debt the position was formed for (as of the order date); null for non-admittance. */
  debtKop: number | null;
  /** Today's debt: a cut-off for debt is refused once it fell below the minimum. */
  debtNowKop: number;
  /** The core's verdict on today's debt: a cut-off for debt would be refused (a payment arrived). */
  paidBelowMinimum: boolean;
  outcome: 'done' | 'not_done' | null;
  doneAt: string | null;
  executorId: number | null;
  executorName: string | null;
  sealNumber: string | null;
  reading: number | null;
  notDoneReason: NotDoneReason | null;
  note: string;
}

export interface OrderDetail extends OrderRow {
  positionsList: OrderPosition[];
}

export interface OrderFormResult {
  /** Null when no point met the criterion and only warnings were formed. */
  orderId: number | null;
  name: string;
  positions: number;
  /** Points the criterion picked that lie in a settlement under a moratorium on the date. */
  skippedMoratorium: number;
  /** Points the debt or refusals picked that have no issued warning whose notice period has run. */
  skippedNoNotice: number;
  /** Warnings formed with the order for its ticked kinds. */
  warnings: { nonPayment: number; nonAdmittance: number };
}

export interface ReconnectionRow {
  id: number;
  pointId: number;
  accountNumber: string;
  fullName: string;
  address: string;
  commodity: 'electricity' | 'gas';
  place: 'town' | 'village';
  basis: ReconnectionBasis;
  basisNote: string;
  formedOn: string;
  deadlineOn: string;
  status: ReconnectionStatus;
  doneAt: string | null;
  executorName: string | null;
  sealNumber: string | null;
  reading: number | null;
  note: string;
  /** Done after its deadline, or still not done on a day past it. */
  overdue: boolean;
}

/** A point's disconnection history as the account card shows it, newest first. */
export interface CardCutoff {
  orderId: number;
  orderName: string;
  orderDate: string;
  outcome: 'done' | 'not_done' | null;
  doneAt: string | null;
  sealNumber: string | null;
  reading: number | null;
  notDoneReason: NotDoneReason | null;
}

/** A date and a time of day as the executor wrote them on the act: 2026-12-04T10:30. */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const sealNumber = requiredText(40);
const meterReading = z.number().int().min(0).max(99_999_999);

export const ordersChannels = {
  /**
   * One order for a route as of a date, its positions in address order; refused when nothing is
   * selected. A section is formed route by route by the caller, as walk tasks are.
   */
  'orders.form': write<OrderFormResult>()(
    z.object({
      routeId: id,
      orderDate: isoDate,
      criterion: z.enum(orderCriteria),
      /** With criterion 'debt': the least debt, in kopecks. */
      debtMinKop: z.number().int().min(1).max(100_000_000_00).nullable().default(null),
      warnNonPayment: z.boolean().default(false),
      warnNonAdmittance: z.boolean().default(false),
    }),
  ),
  'orders.list': read<Page<OrderRow>>()(
    z.object({
      status: z.enum(['all', ...orderStatuses]).default('all'),
      dateFrom: isoDate.nullable().default(null),
      dateTo: isoDate.nullable().default(null),
      routeId: id.nullable().default(null),
      ...paging,
    }),
  ),
  'orders.get': read<OrderDetail>()(z.object({ id })),
  /** A cut-off done: the point becomes disconnected; refused when the debt it was for fell below the minimum. */
  'orders.recordDone': write<OrderDetail>()(
    z.object({
      positionId: id,
      doneAt: localDateTime,
      executorId: id,
      sealNumber,
      reading: meterReading,
      note: text(200).default(''),
    }),
  ),
  'orders.recordNotDone': write<OrderDetail>()(z.object({ positionId: id, reason: z.enum(notDoneReasons), note: text(200).default('') })),
  /** A reconnection for a disconnected point with its legal deadline; for 'paid' the debt must be under the minimum. */
  'reconnections.form': write<ReconnectionRow>()(
    z.object({ pointId: id, basis: z.enum(reconnectionBases), note: text(200).default(''), formedOn: isoDate }),
  ),
  'reconnections.record': write<ReconnectionRow>()(
    z.object({
      id,
      doneAt: localDateTime,
      executorId: id,
      sealNumber,
      reading: meterReading,
      note: text(200).default(''),
    }),
  ),
  'reconnections.list': read<Page<ReconnectionRow>>()(
    z.object({
      status: z.enum(['all', 'overdue', ...reconnectionStatuses]).default('all'),
      dateFrom: isoDate.nullable().default(null),
      dateTo: isoDate.nullable().default(null),
      ...paging,
    }),
  ),
};

/** The order on paper for the crew, printed by the host (a browser engine makes the PDF). */
export const orderPrintChannels = {
  'print.orderPdf': read<{ fileName: string; base64: string; pages: number }>()(z.object({ id })),
  'print.order': read<{ printedByHost: boolean }>()(z.object({ id })),
};

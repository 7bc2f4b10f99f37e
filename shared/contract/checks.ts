import { z } from 'zod';
import { id, isoDate, paging, text } from './common';
import { read, write, type Page } from './define';
import type { Commodity } from './entry';
import { readingCheckCodes, type ReadingCheck } from './validation';

/** A master's decisions on a doubtful reading (docs/domain.md, "The correction queue"). */
export const checkDecisions = ['confirmed', 'corrected', 'reread', 'estimated'] as const;
/** 'superseded': the operator entered the position again while the item waited. */
export type CheckDecision = (typeof checkDecisions)[number] | 'superseded';

/** One reading in Контроль показників, as it was judged, and what was decided on it. */
export interface CheckItem {
  id: number;
  /** null once the reading itself was removed (entered again). */
  readingId: number | null;
  pointId: number;
  commodity: Commodity;
  accountId: number;
  accountNumber: string;
  fullName: string;
  address: string;
  routeNumber: number | null;
  taskId: number | null;
  taskDate: string | null;
  /** The controller the task was given to. */
  controller: string | null;
  takenOn: string;
  /** As entered, and as it now stands (after a correction). */
  value: number;
  currentValue: number | null;
  consumption: number | null;
  expected: number | null;
  checks: ReadingCheck[];
  enteredBy: string | null;
  queuedAt: string;
  decision: CheckDecision | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string;
  correctedValue: number | null;
  /** Where a re-read went: the task and position; null while it waits for the route's next task. */
  reread: { taskId: number; taskDate: string; seq: number } | null;
}

export const checkFilter = z.object({
  status: z.enum(['waiting', 'decided', 'all']).default('waiting'),
  /** The reading's date. */
  dateFrom: isoDate.nullable().default(null),
  dateTo: isoDate.nullable().default(null),
  routeId: id.nullable().default(null),
  check: z.enum(readingCheckCodes).nullable().default(null),
});

export const checksChannels = {
  'checks.list': read<Page<CheckItem> & { waiting: number }>()(checkFilter.extend(paging)),
  'checks.decide': write<CheckItem>()(
    z.object({
      id,
      decision: z.enum(checkDecisions),
      /** The right value, for 'corrected', as typed. */
      value: z.string().max(20).nullable().default(null),
      note: text(500).default(''),
    }),
  ),
};

import { z } from 'zod';
import { id, isoDate } from './common';
import { read } from './define';

/** One controller's line of the readings-per-day chart. */
export interface ControllerDays {
  /** The task's executor; null for tasks formed without one. */
  executorId: number | null;
  /** As the task recorded the executor, or "без контролера" in the reader's language. */
  name: string;
  /** Readings entered on each day of `days`, in the same order. */
  counts: number[];
}

/**
 * Звіти / Виконання звітів, the execution report's chart: readings per controller per day of the
 * period, by the day each reading was taken (src-main/core/reports/readings-by-day.ts).
 */
export interface ReadingsByDay {
  /** Every day of the period, YYYY-MM-DD, the first first. */
  days: string[];
  /** Controllers with a reading in the period, by name. */
  controllers: ControllerDays[];
}

export const reportsChannels = {
  'reports.readingsByDay': read<ReadingsByDay>()(
    z
      .object({ dateFrom: isoDate, dateTo: isoDate, routeId: id.nullable().default(null) })
      .refine((filter) => filter.dateFrom <= filter.dateTo, { message: 'dateFrom after dateTo', path: ['dateTo'] }),
  ),
};

import { z } from 'zod';
import { read, write, type Page } from './define';
import { id, isoDate, paging } from './common';

/** What a walk task selects from its route. No criterion set means every point. */
export const taskCriteria = z.object({
  /** 'any': a point that meets one criterion is visited; 'all': only points meeting every one. */
  match: z.enum(['any', 'all']).default('any'),
  debtMinKop: z.number().int().min(1).max(100_000_000_00).nullable().default(null),
  noControlDays: z.number().int().min(1).max(3650).nullable().default(null),
  complaint: z.boolean().default(false),
  inspection: z.boolean().default(false),
  verificationDueDays: z.number().int().min(0).max(3650).nullable().default(null),
  includeDisconnected: z.boolean().default(false),
});
export type TaskCriteria = z.infer<typeof taskCriteria>;

/**
 * How a task's positions are ordered when it is formed; they keep that order afterwards. 'address'
 * is the route's walk sequence («за маршрутом»): address order as the route was built, with the
 * master's edits (routes.resequence), so a sheet is walked without crossing back. A strict
 * alphabetical list beside it would be a sheet nobody walks; the route's own order goes back to it
 * on request. The stored word stays 'address' (walk_tasks' CHECK since migration 2), and tasks
 * formed before the walk sequence were in address order, which is what their routes' walk became.
 */
export const sortOrders = ['address', 'account'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** 'criteria': formed by the task form's criteria; 'plan': formed from a controller's day's plan (Денний план). */
export const taskKinds = ['criteria', 'plan'] as const;
export type TaskKind = (typeof taskKinds)[number];

export interface TaskRow {
  id: number;
  kind: TaskKind;
  taskDate: string;
  routeId: number;
  routeNumber: number;
  routeName: string;
  executorId: number | null;
  executorName: string | null;
  criteria: TaskCriteria;
  sortOrder: SortOrder;
  warnNonPayment: boolean;
  warnNonAdmittance: boolean;
  total: number;
  executed: number;
  notExecuted: number;
}

export interface FormResult {
  taskId: number;
  positions: number;
  /** Disconnection warnings formed with the task for its ticked kinds (0 for a kind not ticked). */
  warnings: { nonPayment: number; nonAdmittance: number };
}

/** A task already formed for the route on the date asked: the details of a `task.duplicate` refusal. */
export interface ExistingTask {
  id: number;
  routeNumber: number;
  routeName: string;
  positions: number;
}

/** A route mass forming would visit, and how many tasks it already has on the date asked. */
export interface RouteToForm {
  routeId: number;
  number: number;
  name: string;
  points: number;
  tasksOnDate: number;
}

export interface RouteSheet {
  html: string;
  pages: number;
  positions: number;
  fileName: string;
}

const taskInput = {
  taskDate: isoDate,
  criteria: taskCriteria,
  sortOrder: z.enum(sortOrders).default('address'),
  warnNonPayment: z.boolean().default(false),
  warnNonAdmittance: z.boolean().default(false),
};

export const sheetOptions = z.object({
  taskId: id,
  includeBills: z.boolean().default(false),
  includeWarnings: z.boolean().default(false),
});

/** Several tasks' sheets as one document: a day's plans printed in one job. */
export const sheetsOptions = z.object({
  taskIds: z.array(id).min(1).max(500),
  includeBills: z.boolean().default(false),
  includeWarnings: z.boolean().default(false),
});

export const tasksChannels = {
  /** Refused with `task.duplicate` when the route has a task on that date, unless the user has said yes to another. */
  'tasks.form': write<FormResult>()(z.object({ routeId: id, ...taskInput, allowDuplicate: z.boolean().default(false) })),
  /**
   * Mass forming is driven route by route by the caller (for its progress bar); this lists them, with
   * the tasks each already has on `taskDate`, so the user is asked once about all the repeats.
   */
  'tasks.routesToForm': read<RouteToForm[]>()(
    z.object({ sectionId: id.nullable().default(null), taskDate: isoDate.nullable().default(null) }),
  ),
  'tasks.list': read<Page<TaskRow>>()(
    z.object({
      dateFrom: isoDate.nullable().default(null),
      dateTo: isoDate.nullable().default(null),
      routeId: id.nullable().default(null),
      executorId: id.nullable().default(null),
      status: z.enum(['all', 'open', 'done']).default('all'),
      ...paging,
    }),
  ),
  'tasks.get': read<TaskRow>()(z.object({ id })),
  'tasks.delete': write<{ deleted: number }>()(z.object({ id })),
  /** A formed task handed to another active controller (illness, leave): who walks it and whose name the sheet prints. */
  'tasks.reassign': write<TaskRow>()(z.object({ id, employeeId: id })),
  'tasks.sheet': read<RouteSheet>()(sheetOptions),
  'tasks.sheets': read<RouteSheet>()(sheetsOptions),
  'reasons.list': read<{ code: number; name: string; nonAdmittance: boolean }[]>()(z.object({})),
};

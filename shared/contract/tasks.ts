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

export const sortOrders = ['address', 'account'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface TaskRow {
  id: number;
  taskDate: string;
  routeId: number;
  routeNumber: number;
  routeName: string;
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

export const tasksChannels = {
  'tasks.form': write<FormResult>()(z.object({ routeId: id, ...taskInput })),
  /** Mass forming is driven route by route by the caller (for its progress bar); this lists them. */
  'tasks.routesToForm': read<{ routeId: number; number: number; name: string; points: number }[]>()(
    z.object({ sectionId: id.nullable().default(null) }),
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
  'tasks.sheet': read<RouteSheet>()(sheetOptions),
  'reasons.list': read<{ code: number; name: string; nonAdmittance: boolean }[]>()(z.object({})),
};

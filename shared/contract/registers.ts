import { z } from 'zod';
import { id, isoDate } from './common';
import { exported, read } from './define';

/**
 * Звіти / Реєстри відключень: the disconnection pipeline as lists a master prints, files and
 * sends on. The core builds each register as a table with its words already in the user's
 * language, so the screen, the XLSX file and the printed page show the same columns.
 */
export const disconnectionRegisterKinds = ['warnings', 'orders', 'cutoffs', 'reconnections'] as const;
/** Points not read for this many days are listed unless the report is asked for another number. */
export const noControlDaysDefault = 180;
export type DisconnectionRegisterKind = (typeof disconnectionRegisterKinds)[number];
/** Звіти / Виконання звітів: how the walk is going, built and printed the same way. */
export const walkReportKinds = ['execution', 'controllers', 'noControl', 'nonAdmittance', 'suspicious', 'verificationDue'] as const;
export type WalkReportKind = (typeof walkReportKinds)[number];
export const registerKinds = [...disconnectionRegisterKinds, ...walkReportKinds] as const;
export type RegisterKind = (typeof registerKinds)[number];
export const isWalkReport = (kind: RegisterKind): kind is WalkReportKind => (walkReportKinds as readonly string[]).includes(kind);
/**
 * The status filters, per register: warnings by status; orders new or done; cut-offs whose notice
 * period was kept or missed; reconnections open, done, or past their deadline.
 */
export const registerStatuses = {
  warnings: ['all', 'formed', 'issued', 'executed', 'cancelled'],
  orders: ['all', 'new', 'done'],
  cutoffs: ['all', 'kept', 'missed'],
  reconnections: ['all', 'new', 'done', 'overdue'],
  execution: ['all'],
  controllers: ['all'],
  noControl: ['all'],
  nonAdmittance: ['all'],
  // Контроль показників: the readings still waiting for a decision, or decided.
  suspicious: ['all', 'waiting', 'decided'],
  verificationDue: ['all'],
} as const satisfies Record<RegisterKind, readonly string[]>;
const allStatuses = [
  'all',
  'formed',
  'issued',
  'executed',
  'cancelled',
  'new',
  'done',
  'kept',
  'missed',
  'overdue',
  'waiting',
  'decided',
] as const;
export type RegisterStatus = (typeof allStatuses)[number];

/** How a column's values are written: dates and money are formatted by the reader's locale. */
export type RegisterColumnKind = 'text' | 'date' | 'dateTime' | 'money' | 'number';
export interface RegisterColumn {
  key: string;
  label: string;
  kind: RegisterColumnKind;
}
/** ISO dates ('2026-12-04'), local date-times ('2026-12-04T10:30'), kopecks, numbers or words. */
export type RegisterCell = string | number | null;

export interface RegisterTable {
  kind: RegisterKind;
  title: string;
  /** What the period filters, in words: "Дата формування", "Дата відключення"… */
  periodLabel: string;
  dateFrom: string;
  dateTo: string;
  branchName: string;
  columns: RegisterColumn[];
  rows: Record<string, RegisterCell>[];
  /** Counts by status over the period, whatever the status filter: the register's totals line. */
  totals: { label: string; count: number }[];
}

export const registerFilter = z
  .object({
    kind: z.enum(registerKinds),
    dateFrom: isoDate,
    dateTo: isoDate,
    status: z.enum(allStatuses).default('all'),
    /** Walk reports: only this route. */
    routeId: id.nullable().default(null),
    /** Points without a control reading: for this many days or more (noControlDaysDefault when not given). */
    days: z.number().int().min(1).max(3650).nullable().default(null),
  })
  .refine((filter) => filter.dateFrom <= filter.dateTo, { message: 'dateFrom after dateTo', path: ['dateTo'] })
  .refine((filter) => (registerStatuses[filter.kind] as readonly string[]).includes(filter.status), {
    message: 'status not of this register',
    path: ['status'],
  });

export const registersChannels = {
  'registers.table': read<RegisterTable>()(registerFilter),
  /** The register as it prints, for the screen's preview and a browser's own print. */
  'registers.page': read<{ html: string; pages: number; fileName: string }>()(registerFilter),
};

/** Files and paper are the host's: XLSX is written beside the core, PDF needs a browser engine. */
export const registerHostChannels = {
  'registers.file': exported<{ fileName: string; base64: string; rows: number }>()(registerFilter),
  'print.registerPdf': read<{ fileName: string; base64: string; pages: number }>()(registerFilter),
  'print.register': read<{ printedByHost: boolean }>()(registerFilter),
};

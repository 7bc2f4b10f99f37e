import type { ImportProblem } from '../../../shared/contract/exchange';
import type { Locale } from '../../../shared/i18n/locales';
import { DomainError } from '../errors';

/** A file's rows as the host read them, with the column the user chose for each field. */
export interface ImportTable {
  header: string[];
  rows: string[][];
  mapping: Partial<Record<string, number>>;
  /** The file line of rows[0], so problems name the line the user sees. */
  firstLine: number;
}

/** The whole file is refused: nothing is written, and every problem is listed for the user. */
export const rejected = (problems: ImportProblem[]) => new DomainError('import.rejected', { count: problems.length }, undefined, problems);

const missingColumn = { uk: 'стовпець не вибрано', en: 'no column chosen' };

/**
 * Cells by field name, and problems named the way the file's header does. A required field without
 * a column refuses the file before any row is read.
 */
export function tableColumns<F extends string>(table: ImportTable, required: readonly F[], locale: Locale) {
  const missing = required.filter((field) => table.mapping[field] === undefined);
  if (missing.length > 0) {
    throw rejected(missing.map((field) => ({ line: table.firstLine - 1, column: field, value: '', reason: missingColumn[locale] })));
  }
  return {
    column: (field: F) => {
      const index = table.mapping[field];
      return index === undefined ? field : (table.header[index] ?? String(index + 1));
    },
    /** The trimmed cell of `field`, or '' where the file has no such column. */
    cell: (cells: string[], field: F) => {
      const index = table.mapping[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    },
  };
}

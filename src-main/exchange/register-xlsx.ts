import type * as ExcelJS from 'exceljs';
import type { RegisterCell, RegisterColumnKind, RegisterTable } from '../../shared/contract/registers';
import { excel } from './excel';

/** A cell as Excel should hold it: dates as dates, money in гривні as a number, so a master can sum and sort. */
function excelValue(value: RegisterCell | undefined, kind: RegisterColumnKind): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (kind === 'money' && typeof value === 'number') return value / 100;
  if (kind === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  if (kind === 'dateTime' && typeof value === 'string') return new Date(`${value}:00Z`);
  return value;
}

const formats: Partial<Record<RegisterColumnKind, string>> = { date: 'dd.mm.yyyy', dateTime: 'dd.mm.yyyy hh:mm', money: '#,##0.00' };

/** The register as one worksheet: its title, the branch and period above the header row, the rows, the totals. */
export async function registerXlsx(table: RegisterTable, periodText: string): Promise<Buffer> {
  const book = new (await excel()).Workbook();
  const sheet = book.addWorksheet(table.title.slice(0, 31));
  sheet.addRow([table.title]).font = { bold: true, size: 12 };
  sheet.addRow([table.branchName, periodText]);
  const headerRow = sheet.addRow(table.columns.map((c) => c.label));
  headerRow.font = { bold: true };
  table.columns.forEach((column, index) => {
    const format = formats[column.kind];
    if (format) sheet.getColumn(index + 1).numFmt = format;
    sheet.getColumn(index + 1).width = column.kind === 'text' ? 24 : 14;
  });
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => excelValue(row[c.key], c.kind)));
  sheet.addRow([]);
  for (const total of table.totals) sheet.addRow([total.label, total.count]);
  sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

import Papa from 'papaparse';
import type { ExportedReading } from '../../shared/contract/exchange';
import { excel } from './excel';

/** Column headers as the billing system's import reads them, in the order it expects. */
export const readingColumns: [keyof ExportedReading, string][] = [
  ['accountNumber', 'Особовий рахунок'],
  ['pointId', 'Точка обліку'],
  ['meterSerial', 'Лічильник'],
  ['routeNumber', 'Маршрут'],
  ['taskId', 'Завдання'],
  ['taskDate', 'Дата завдання'],
  ['seq', '№'],
  ['status', 'Стан'],
  ['checkedOn', 'Дата перевірки'],
  ['value', 'Показник'],
  ['consumption', 'Споживання'],
  ['reasonCode', 'Код причини'],
  ['reason', 'Причина невиконання'],
  ['overMaxAccepted', 'Понад максимум'],
  ['belowPreviousConfirmed', 'Менший за попередній'],
  ['rollover', 'Перехід через нуль'],
  ['afterDisconnection', 'Після відключення'],
  ['estimated', 'Оцінний'],
  ['queued', 'У черзі контролю'],
  ['problems', 'Порушення'],
  ['note', 'Примітка'],
  ['enteredBy', 'Вніс'],
  ['enteredAt', 'Час введення'],
  ['removedSerial', 'Знятий лічильник'],
  ['replacedOn', 'Дата заміни'],
  ['finalValue', 'Кінцевий показник знятого'],
  ['finalConsumption', 'Споживання знятим'],
  ['initialValue', 'Початковий показник нового'],
];

const cell = (value: unknown) => (typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? ''));
const table = (rows: readonly ExportedReading[]) => rows.map((row) => readingColumns.map(([key]) => cell(row[key])));

/** CSV with a BOM and semicolons, as Excel opens it in a Ukrainian locale. */
export function readingsCsv(rows: readonly ExportedReading[]): Buffer {
  const csv = Papa.unparse({ fields: readingColumns.map(([, header]) => header), data: table(rows) }, { delimiter: ';', newline: '\r\n' });
  return Buffer.from(`\uFEFF${csv}`, 'utf8');
}

export async function readingsXlsx(rows: readonly ExportedReading[]): Promise<Buffer> {
  const book = new (await excel()).Workbook();
  const sheet = book.addWorksheet('Показники');
  sheet.addRow(readingColumns.map(([, header]) => header)).font = { bold: true };
  for (const row of table(rows)) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

import Papa from 'papaparse';
import { importFields, type ImportKind } from '../../shared/contract/exchange';
import { excel } from './excel';

export interface Table {
  header: string[];
  rows: string[][];
}

/** A CSV (any usual delimiter, with or without a BOM) or the first sheet of an XLSX, as text cells. */
export async function readTable(fileName: string, bytes: Buffer): Promise<Table> {
  if (/\.xlsx$/i.test(fileName)) {
    const book = new (await excel()).Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const lines: string[][] = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        // ExcelJS gives a date cell as that day's UTC midnight, so UTC's date is the cell's day (not localDay).
        cells[column - 1] = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text.trim();
      });
      lines.push(Array.from(cells, (cell) => cell ?? ''));
    });
    return { header: lines[0] ?? [], rows: lines.slice(1) };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return { header: parsed.data[0] ?? [], rows: parsed.data.slice(1) };
}

/** Header words the billing systems use, so the mapping preview starts filled in. */
const aliases: Record<string, string[]> = {
  accountNumber: ['о/р', 'особовий рахунок', 'рахунок', 'ос. рахунок', 'account', 'account number'],
  fullName: ['піб', 'споживач', 'абонент', 'full name', 'name'],
  phone: ['телефон', 'тел.', 'phone'],
  settlement: ['населений пункт', 'нп', 'місто/село', 'settlement'],
  settlementKind: ['тип нп', 'тип населеного пункту', 'settlement kind'],
  street: ['вулиця', 'street'],
  streetKind: ['тип вулиці', 'street kind'],
  house: ['будинок', 'буд.', 'house'],
  apartment: ['квартира', 'кв.', 'apartment'],
  commodity: ['вид', 'послуга', 'commodity'],
  meterSerial: ['лічильник', 'номер лічильника', 'meter', 'meter serial'],
  meterModel: ['модель', 'тип лічильника', 'model'],
  meterDigits: ['розрядність', 'розрядів', 'digits'],
  verificationDue: ['повірка', 'дата повірки', 'verification', 'verification due'],
  complaintSince: ['звернення', 'є звернення', 'дата звернення', 'complaint', 'complaint since'],
  complaintNote: ['примітка до звернення', 'суть звернення', 'complaint note'],
  inspectionSince: ['обстеження', 'на обстеження', 'дата обстеження', 'inspection', 'inspection since'],
  inspectionNote: ['примітка до обстеження', 'мета обстеження', 'inspection note'],
  period: ['період', 'місяць', 'period'],
  amount: ['сума', 'нараховано', 'amount'],
  paid: ['сплачено', 'оплачено', 'paid'],
  deliveredOn: ['дата вручення', 'вручено', 'delivered', 'delivered on'],
  paidOn: ['дата оплати', 'дата платежу', 'paid on', 'date'],
  source: ['джерело', 'банк', 'source'],
};

export function suggestMapping(header: readonly string[], kind: ImportKind = 'accounts'): Record<string, number> {
  const normalized = header.map((name) => name.trim().toLowerCase());
  const mapping: Record<string, number> = {};
  for (const field of importFields[kind]) {
    const index = normalized.findIndex((name) => aliases[field]?.includes(name));
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

import Papa from 'papaparse';
import { join } from 'node:path';
import { createCore } from '../core/app';
import { openDatabase, type Db } from '../db/open';
import { readTable, suggestMapping } from '../exchange/table-file';
import { accountsFileHeader } from '../../tests/support/billing-files';
import { round, type Figure } from './figures';

const header = accountsFileHeader;

/**
 * The district written out as the billing system would send it, then imported into an empty
 * database the way the Import screen does: file parsed, every row checked, one transaction.
 */
export async function importFigure(district: Db, dir: string): Promise<Figure> {
  const rows = district
    .prepare(
      `SELECT a.number, a.full_name, a.phone, se.name, se.kind, st.name, st.kind, h.number, p.apartment,
         CASE p.commodity WHEN 'gas' THEN 'газ' ELSE 'електроенергія' END, m.serial, m.model, m.digits, m.verification_due,
         p.complaint_since, p.complaint_note, p.inspection_since, p.inspection_note
       FROM metering_points p JOIN accounts a ON a.id = p.account_id JOIN houses h ON h.id = p.house_id
       JOIN streets st ON st.id = h.street_id JOIN settlements se ON se.id = st.settlement_id
       LEFT JOIN meters m ON m.point_id = p.id ORDER BY p.id`,
    )
    .raw()
    .all() as unknown[][];
  const file = Buffer.from(Papa.unparse({ fields: header, data: rows }, { delimiter: ';' }), 'utf8');
  const target = openDatabase(join(dir, 'import.sqlite'));
  const core = createCore(target, { version: 'bench', signedIn: { login: 'bench', fullName: 'Benchmark', role: 'admin' } });
  const started = performance.now();
  const table = await readTable('accounts.csv', file);
  // What import.run commits once the file is read: every row checked, then written in one transaction.
  const result = target.transaction(() =>
    core.services.exchange.importTable('accounts', { ...table, mapping: suggestMapping(table.header), firstLine: 2 }, 'uk'),
  )();
  const seconds = (performance.now() - started) / 1000;
  target.close();
  if (result.created !== rows.length) throw new Error(`import bench: ${result.created} of ${rows.length} created`);
  return {
    name: 'import.accounts_200k_s',
    value: round(seconds),
    unit: 's',
    note: `CSV of ${rows.length} metering points (${Math.round(file.length / 2 ** 20)} MB) parsed, checked and written into an empty database in one transaction`,
  };
}

import Papa from 'papaparse';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../core/app';
import { openDatabase, type Db } from '../db/open';
import { readTable, suggestMapping } from '../exchange/table-file';
import { accountsFileHeader } from '../../tests/support/billing-files';
import { percentile, round, wholeJobRuns, type Figure } from './figures';

const header = accountsFileHeader;

/** The district written out as the billing system would send it: one row a metering point. */
function accountsFile(district: Db): { file: Buffer; rows: number } {
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
  return { file: Buffer.from(Papa.unparse({ fields: header, data: rows }, { delimiter: ';' }), 'utf8'), rows: rows.length };
}

const removeDatabase = (file: string) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(file + suffix, { force: true }));

/** A new, empty database of the current schema, with nothing left of an earlier one under that name. */
function emptyDatabase(file: string): Db {
  removeDatabase(file);
  return openDatabase(file);
}

interface TableRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/**
 * What an import wrote: the rows of every table it filled, parents before children (by the
 * schema's foreign keys). A table a new database already has rows in (settings, reasons) must be
 * as the import left it, or the raw baseline would miss part of the work.
 */
function rowsWritten(imported: Db, empty: Db): TableRows[] {
  const tables = empty
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all();
  const count = (db: Db, table: string) => db.prepare<[], number>(`SELECT count(*) FROM "${table}"`).pluck().get()!;
  const filled = tables.filter((table) => {
    const before = count(empty, table);
    const after = count(imported, table);
    if (before > 0 && after !== before) throw new Error(`import raw: ${table} holds ${before} rows new and ${after} after the import`);
    return before === 0 && after > 0;
  });
  const parents = new Map(
    filled.map((table) => [
      table,
      empty
        .prepare<[], { table: string }>(`PRAGMA foreign_key_list("${table}")`)
        .all()
        .map((key) => key.table)
        .filter((parent) => parent !== table && filled.includes(parent)),
    ]),
  );
  const ordered: string[] = [];
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    for (const parent of parents.get(table) ?? []) visit(parent);
    ordered.push(table);
  };
  filled.forEach(visit);
  return ordered.map((table) => {
    const columns = empty
      .prepare<[], { name: string }>(`PRAGMA table_info("${table}")`)
      .all()
      .map((column) => column.name);
    const rows = imported
      .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`)
      .raw()
      .all() as unknown[][];
    return { table, columns, rows };
  });
}

/**
 * The district's accounts file imported into an empty database the way the Import screen does it
 * (file parsed, every row checked, one transaction), the median of three runs each into a new
 * database. With `raw`, beside it the floor: the same rows the import wrote, inserted by prepared
 * statements into an empty database in one transaction, with no file and no checks.
 */
export async function importFigures(district: Db, dir: string, name: string, raw = true): Promise<Figure[]> {
  const { file, rows } = accountsFile(district);
  const targetFile = join(dir, 'import.sqlite');
  const times: number[] = [];
  let target: Db | null = null;
  for (let run = 0; run < wholeJobRuns; run++) {
    target?.close();
    // A new database, its schema written, before the clock starts: that is not part of the import.
    const db = emptyDatabase(targetFile);
    target = db;
    const core = createCore(db, { version: 'bench', signedIn: { login: 'bench', fullName: 'Benchmark', role: 'admin' } });
    const started = performance.now();
    const table = await readTable('accounts.csv', file);
    // What import.run commits once the file is read: every row checked, then written in one transaction.
    const result = db.transaction(() =>
      core.services.exchange.importTable('accounts', { ...table, mapping: suggestMapping(table.header), firstLine: 2 }, 'uk'),
    )();
    times.push(performance.now() - started);
    if (result.created !== rows) throw new Error(`import bench: ${result.created} of ${rows} created`);
  }
  const figures: Figure[] = [
    {
      name,
      value: round(percentile(times, 50) / 1000, 3),
      unit: 's',
      note: `median of ${wholeJobRuns}: CSV of ${rows} metering points (${Math.round(file.length / 2 ** 20)} MB) parsed, checked and written into an empty database in one transaction`,
    },
  ];
  const imported = target!;
  if (raw) {
    const rawFile = join(dir, 'import-raw.sqlite');
    const empty = emptyDatabase(rawFile);
    const written = rowsWritten(imported, empty);
    empty.close();
    const rawTimes: number[] = [];
    for (let run = 0; run < wholeJobRuns; run++) {
      const db = emptyDatabase(rawFile);
      const inserts = written.map(({ table, columns, rows: tableRows }) => ({
        insert: db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        ),
        rows: tableRows,
      }));
      const started = performance.now();
      db.transaction(() => inserts.forEach(({ insert, rows: tableRows }) => tableRows.forEach((row) => insert.run(row))))();
      rawTimes.push(performance.now() - started);
      db.close();
    }
    removeDatabase(rawFile);
    const summary = written.map(({ table, rows: tableRows }) => `${tableRows.length} ${table}`).join(', ');
    figures.push({
      name: 'import.raw_s',
      value: round(percentile(rawTimes, 50) / 1000, 3),
      unit: 's',
      note: `median of ${wholeJobRuns}: the rows the import wrote (${summary}) inserted by prepared statements into an empty database, one transaction`,
    });
  }
  imported.close();
  removeDatabase(targetFile);
  return figures;
}

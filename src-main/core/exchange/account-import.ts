import { settlementKinds, streetKinds } from '../../../shared/contract/directories';
import { accountImportFields, requiredAccountFields, type AccountImportField, type ImportProblem } from '../../../shared/contract/exchange';
import type { Locale } from '../../../shared/i18n/locales';
import type { PointMark } from '../../../shared/contract/accounts';
import type { Db } from '../../db/open';
import { pointMarks } from '../accounts/marks';
import { addressNumberKey, houseSortKey, normalizeHouseNumber } from '../addresses/house-number';
import { ukSortKey } from '../collation/uk-sort-key';
import { walkSequence } from '../routes/walk-sequence';
import { parseDate } from '../../../shared/i18n/format';
import { commodities } from './import-values';
import { rejected, tableColumns, type ImportTable } from './import-table';

type Row = Record<AccountImportField, string>;

interface Clean {
  line: number;
  accountNumber: string;
  fullName: string;
  phone: string;
  settlement: string;
  settlementKind: string;
  street: string;
  streetKind: string;
  house: string;
  apartment: string;
  commodity: 'gas' | 'electricity';
  meter: { serial: string; model: string; digits: number; verificationDue: string } | null;
  /** The marks the row carries; one it leaves empty is not here and stays as it is. */
  marks: { mark: PointMark; since: string; note: string }[];
}

/** The optional columns of a mark: its date and its note. */
const markColumns = [
  { mark: 'complaint', since: 'complaintSince', note: 'complaintNote' },
  { mark: 'inspection', since: 'inspectionSince', note: 'inspectionNote' },
] as const;
const noteMax = 200;

const reasons = {
  uk: {
    required: 'обовʼязкове поле порожнє',
    account: 'номер о/р — до 20 цифр, літер, «-» або «/»',
    commodity: 'очікується «електроенергія» або «газ»',
    settlementKind: `тип населеного пункту: ${settlementKinds.join(', ')}`,
    streetKind: `тип вулиці: ${streetKinds.join(', ')}`,
    house: 'номер будинку на зразок 12, 12а, 12/1',
    digits: 'розрядність — ціле число від 3 до 9',
    date: 'дата у вигляді ДД.ММ.РРРР або РРРР-ММ-ДД',
    meter: 'для лічильника потрібні номер, розрядність і дата повірки',
    duplicate: (line: number) => `та сама точка обліку вже є в рядку ${line}`,
    markNote: 'примітка без дати позначки',
    markFuture: 'дата позначки ще не настала',
    noteLength: `примітка — до ${noteMax} символів`,
  },
  en: {
    required: 'a required field is empty',
    account: 'an account number is up to 20 digits, letters, "-" or "/"',
    commodity: 'expected "electricity" or "gas"',
    settlementKind: `settlement kind: ${settlementKinds.join(', ')}`,
    streetKind: `street kind: ${streetKinds.join(', ')}`,
    house: 'a house number like 12, 12а, 12/1',
    digits: 'digits: a whole number from 3 to 9',
    date: 'a date as DD.MM.YYYY or YYYY-MM-DD',
    meter: 'a meter needs its serial, digits and verification date',
    duplicate: (line: number) => `the same metering point is already on line ${line}`,
    markNote: 'a note without the date of its mark',
    markFuture: 'the date of a mark is still to come',
    noteLength: `a note is up to ${noteMax} characters`,
  },
};

/**
 * Accounts, their metering points and meters from the billing system's file. Every row is checked
 * first and every problem listed; only a clean file is written, in one transaction. Rows are
 * matched by account number and commodity, so importing the same file again changes nothing.
 */
export function accountImporter(db: Db, today: () => string) {
  const marks = pointMarks(db, today);
  const settlement = db.prepare<[string], { id: number }>('SELECT id FROM settlements WHERE name = ?');
  const insertSettlement = db.prepare('INSERT INTO settlements (name, name_key, kind) VALUES (?, ?, ?)');
  const street = db.prepare<[number, string, string], { id: number }>(
    'SELECT id FROM streets WHERE settlement_id = ? AND kind = ? AND name = ?',
  );
  const insertStreet = db.prepare('INSERT INTO streets (settlement_id, kind, name, name_key) VALUES (?, ?, ?, ?)');
  const house = db.prepare<[number, string], { id: number }>('SELECT id FROM houses WHERE street_id = ? AND number = ?');
  const insertHouse = db.prepare('INSERT INTO houses (street_id, number, sort_key) VALUES (?, ?, ?)');
  const account = db.prepare<[string], { id: number; fullName: string; phone: string; houseId: number; apartment: string }>(
    'SELECT id, full_name AS fullName, phone, house_id AS houseId, apartment FROM accounts WHERE number = ?',
  );
  const insertAccount = db.prepare(
    'INSERT INTO accounts (number, full_name, name_key, phone, house_id, apartment) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const updateAccount = db.prepare('UPDATE accounts SET full_name = ?, name_key = ?, phone = ?, house_id = ?, apartment = ? WHERE id = ?');
  const point = db.prepare<[number, string], { id: number; houseId: number; apartment: string }>(
    'SELECT id, house_id AS houseId, apartment FROM metering_points WHERE account_id = ? AND commodity = ? ORDER BY id LIMIT 1',
  );
  const insertPoint = db.prepare(
    'INSERT INTO metering_points (account_id, house_id, apartment, apartment_key, commodity) VALUES (?, ?, ?, ?, ?)',
  );
  // A point of a route whose address the billing system changed takes the place its new address
  // gives in the walk, as if it joined the route then.
  const updatePoint = db
    .prepare<[number, string, string, number], number | null>(
      'UPDATE metering_points SET house_id = ?, apartment = ?, apartment_key = ?, walk_seq = NULL WHERE id = ? RETURNING route_id',
    )
    .pluck();
  const sequence = walkSequence(db);
  const meter = db.prepare<[number], { id: number; serial: string; model: string; digits: number; verificationDue: string }>(
    'SELECT id, serial, model, digits, verification_due AS verificationDue FROM meters WHERE point_id = ?',
  );
  const insertMeter = db.prepare('INSERT INTO meters (point_id, serial, model, digits, verification_due) VALUES (?, ?, ?, ?, ?)');
  const updateMeter = db.prepare('UPDATE meters SET serial = ?, model = ?, digits = ?, verification_due = ? WHERE id = ?');
  // A meter a visit found replaced (visit/meter-replacement.ts), still named by a file the billing system wrote before it knew.
  const removedMeter = db
    .prepare<[number, string], number>('SELECT EXISTS (SELECT 1 FROM meter_history WHERE point_id = ? AND serial = ?)')
    .pluck();

  const check = (rows: Row[], firstLine: number, header: (field: AccountImportField) => string, locale: Locale) => {
    const words = reasons[locale];
    const problems: ImportProblem[] = [];
    const clean: Clean[] = [];
    const seen = new Map<string, number>();
    rows.forEach((row, index) => {
      const line = firstLine + index;
      const before = problems.length;
      const problem = (field: AccountImportField, reason: string) =>
        problems.push({ line, column: header(field), value: row[field], reason });
      for (const field of requiredAccountFields) if (!row[field].trim()) problem(field, words.required);
      const accountNumber = row.accountNumber.trim();
      if (accountNumber && !/^[\p{L}\p{N}/-]{1,20}$/u.test(accountNumber)) problem('accountNumber', words.account);
      const commodity = commodities[row.commodity.trim().toLowerCase()];
      if (row.commodity.trim() && !commodity) problem('commodity', words.commodity);
      const settlementKind = row.settlementKind.trim() || 'село';
      if (!(settlementKinds as readonly string[]).includes(settlementKind)) problem('settlementKind', words.settlementKind);
      const streetKind = row.streetKind.trim() || 'вул.';
      if (!(streetKinds as readonly string[]).includes(streetKind)) problem('streetKind', words.streetKind);
      let houseNumber = '';
      try {
        if (row.house.trim()) houseNumber = normalizeHouseNumber(row.house);
      } catch {
        problem('house', words.house);
      }
      let meterData: Clean['meter'] = null;
      if (row.meterSerial.trim()) {
        const digits = Number(row.meterDigits.trim());
        const due = parseDate(row.verificationDue);
        if (!Number.isInteger(digits) || digits < 3 || digits > 9)
          problem('meterDigits', row.meterDigits.trim() ? words.digits : words.meter);
        if (!due) problem('verificationDue', row.verificationDue.trim() ? words.date : words.meter);
        meterData = { serial: row.meterSerial.trim(), model: row.meterModel.trim(), digits, verificationDue: due ?? '' };
      }
      const rowMarks: Clean['marks'] = [];
      for (const columns of markColumns) {
        const since = row[columns.since].trim();
        const note = row[columns.note].trim();
        const day = since ? parseDate(since) : null;
        if (since && !day) problem(columns.since, words.date);
        // As on the card: a mark records what has happened, so a day to come is a typo in the file.
        if (day && day > today()) problem(columns.since, words.markFuture);
        if (!since && note) problem(columns.note, words.markNote);
        if (note.length > noteMax) problem(columns.note, words.noteLength);
        if (day) rowMarks.push({ mark: columns.mark, since: day, note });
      }
      const key = `${accountNumber}\u0000${commodity}`;
      const earlier = seen.get(key);
      if (accountNumber && commodity && earlier !== undefined) problem('accountNumber', words.duplicate(earlier));
      seen.set(key, line);
      if (problems.length > before || !commodity) return;
      clean.push({
        line,
        accountNumber,
        fullName: row.fullName.trim(),
        phone: row.phone.trim(),
        settlement: row.settlement.trim(),
        settlementKind,
        street: row.street.trim(),
        streetKind,
        house: houseNumber,
        apartment: row.apartment.trim(),
        commodity,
        meter: meterData,
        marks: rowMarks,
      });
    });
    return { problems, clean };
  };

  const idOf = (found: { id: number } | undefined, create: () => number) => found?.id ?? create();

  const write = (rows: Clean[]) => {
    let created = 0;
    let updated = 0;
    const rerouted = new Set<number>();
    // A file names a few hundred streets and some thousands of houses over and over: each is looked
    // up (or created) once per file, then taken from here. The ids cannot change while the one
    // transaction writes, so the answer is the statement's.
    const settlementIds = new Map<string, number>();
    const streetIds = new Map<string, number>();
    const houseIds = new Map<string, number>();
    const remembered = (ids: Map<string, number>, key: string, find: () => number) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = find()));
      return id;
    };
    for (const row of rows) {
      const settlementId = remembered(settlementIds, row.settlement, () =>
        idOf(settlement.get(row.settlement), () =>
          Number(insertSettlement.run(row.settlement, ukSortKey(row.settlement), row.settlementKind).lastInsertRowid),
        ),
      );
      const streetId = remembered(streetIds, `${settlementId}\u0000${row.streetKind}\u0000${row.street}`, () =>
        idOf(street.get(settlementId, row.streetKind, row.street), () =>
          Number(insertStreet.run(settlementId, row.streetKind, row.street, ukSortKey(row.street)).lastInsertRowid),
        ),
      );
      const houseId = remembered(houseIds, `${streetId}\u0000${row.house}`, () =>
        idOf(house.get(streetId, row.house), () => Number(insertHouse.run(streetId, row.house, houseSortKey(row.house)).lastInsertRowid)),
      );
      let changed = false;
      let isNew = false;
      const existing = account.get(row.accountNumber);
      let accountId: number;
      if (!existing) {
        accountId = Number(
          insertAccount.run(row.accountNumber, row.fullName, ukSortKey(row.fullName), row.phone, houseId, row.apartment).lastInsertRowid,
        );
        isNew = true;
      } else {
        accountId = existing.id;
        if (
          existing.fullName !== row.fullName ||
          existing.phone !== row.phone ||
          existing.houseId !== houseId ||
          existing.apartment !== row.apartment
        ) {
          updateAccount.run(row.fullName, ukSortKey(row.fullName), row.phone, houseId, row.apartment, accountId);
          changed = true;
        }
      }
      // An account made just now has no points yet, and a point made just now no meter.
      const existingPoint = existing ? point.get(accountId, row.commodity) : undefined;
      let pointId: number;
      if (!existingPoint) {
        pointId = Number(
          insertPoint.run(accountId, houseId, row.apartment, addressNumberKey(row.apartment), row.commodity).lastInsertRowid,
        );
        isNew = true;
      } else {
        pointId = existingPoint.id;
        if (existingPoint.houseId !== houseId || existingPoint.apartment !== row.apartment) {
          const routeId = updatePoint.get(houseId, row.apartment, addressNumberKey(row.apartment), pointId);
          if (routeId) rerouted.add(routeId);
          changed = true;
        }
      }
      if (row.meter) {
        const m = row.meter;
        const current = existingPoint ? meter.get(pointId) : undefined;
        // The file is behind the visit: the point keeps the meter found in place of the one it names.
        const behindVisit = current !== undefined && current.serial !== m.serial && removedMeter.get(pointId, m.serial) === 1;
        if (!current) {
          insertMeter.run(pointId, m.serial, m.model, m.digits, m.verificationDue);
          changed = true;
        } else if (
          !behindVisit &&
          (current.serial !== m.serial ||
            current.model !== m.model ||
            current.digits !== m.digits ||
            current.verificationDue !== m.verificationDue)
        ) {
          updateMeter.run(m.serial, m.model, m.digits, m.verificationDue, current.id);
          changed = true;
        }
      }
      for (const { mark, since, note } of row.marks) if (marks.imported(pointId, mark, since, note)) changed = true;
      if (isNew) created++;
      else if (changed) updated++;
    }
    for (const routeId of rerouted) sequence.settle(routeId);
    return { created, updated };
  };

  /** Writes the file's accounts, points and meters in one go, or refuses the whole file with every problem listed. */
  return (table: ImportTable, locale: Locale): { created: number; updated: number } => {
    const { column, cell } = tableColumns(table, requiredAccountFields, locale);
    // A plain loop, not Object.fromEntries of pairs: a 200k-row file makes millions of them otherwise.
    const rows = table.rows.map((cells) => {
      const row = {} as Row;
      for (const field of accountImportFields) row[field] = cell(cells, field);
      return row;
    });
    const { problems, clean } = check(rows, table.firstLine, column, locale);
    if (problems.length > 0) throw rejected(problems);
    return write(clean);
  };
}

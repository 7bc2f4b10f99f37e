import { describe, expect, it } from 'vitest';
import { accountImportFields } from '../../../shared/contract/exchange';
import { accountsFileHeader } from '../../../tests/support/billing-files';
import { testDistrict } from '../../../tests/support/test-district';
import { addressNumberKey } from '../addresses/house-number';
import { ukSortKey } from '../collation/uk-sort-key';

const header = accountsFileHeader;
const mapping = Object.fromEntries(accountImportFields.map((field, index) => [field, index]));
const good = [
  [
    '5001',
    'Гуменюк Марія Іванівна',
    '0671234567',
    'Коростишів',
    'місто',
    'Шевченка',
    'вул.',
    '12а',
    '3',
    'електроенергія',
    'M-1',
    'NIK 2303',
    '6',
    '01.02.2031',
  ],
  ['5002', 'Вовк Петро Олегович', '', 'Новоселиця', 'село', 'Садова', 'вул.', '7/1', '', 'газ', 'G-7', 'Elster BK-G4', '5', '2030-12-31'],
];
const run = (d: ReturnType<typeof testDistrict>, rows: string[][]) => d.importFile('accounts', { header, rows, mapping });

describe('importing accounts from the billing system', () => {
  it('creates accounts, points, meters and missing addresses, then changes nothing on the same file', () => {
    const d = testDistrict();
    expect(run(d, good)).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(
      d.db
        .prepare(
          "SELECT a.full_name AS name, p.commodity, m.serial, m.digits, m.verification_due AS due, h.number FROM accounts a JOIN metering_points p ON p.account_id = a.id JOIN meters m ON m.point_id = p.id JOIN houses h ON h.id = p.house_id WHERE a.number = '5002'",
        )
        .get(),
    ).toEqual({ name: 'Вовк Петро Олегович', commodity: 'gas', serial: 'G-7', digits: 5, due: '2030-12-31', number: '7/1' });
    expect(d.db.prepare("SELECT kind FROM settlements WHERE name = 'Новоселиця'").get()).toEqual({ kind: 'село' });
    const counts = () =>
      d.db
        .prepare(
          'SELECT (SELECT count(*) FROM accounts) AS a, (SELECT count(*) FROM metering_points) AS p, (SELECT count(*) FROM meters) AS m, (SELECT count(*) FROM houses) AS h',
        )
        .get();
    const before = counts();
    expect(run(d, good)).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    expect(counts()).toEqual(before);
    const moved = good.map((row) => [...row]);
    moved[0]![8] = '4';
    moved[0]![1] = 'Ґудзь Марія Іванівна';
    expect(run(d, moved)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    // A changed name or apartment takes its sort key along, so the lists put it in its new place.
    expect(
      d.db
        .prepare(
          "SELECT a.name_key AS nameKey, p.apartment_key AS apartmentKey FROM accounts a JOIN metering_points p ON p.account_id = a.id WHERE a.number = '5001'",
        )
        .get(),
    ).toEqual({ nameKey: ukSortKey('Ґудзь Марія Іванівна'), apartmentKey: addressNumberKey('4') });
  });

  it('writes an account with both commodities and the neighbours of one house once each, from one file', () => {
    const d = testDistrict();
    const house = (number: string) =>
      d.db
        .prepare<[string], number>(
          "SELECT count(*) FROM houses h JOIN streets s ON s.id = h.street_id WHERE s.name = 'Нова Тиха' AND h.number = ?",
        )
        .pluck()
        .get(number);
    const rows = [
      [
        '6001',
        'Бондар Ольга Петрівна',
        '',
        'Коростишів',
        'місто',
        'Нова Тиха',
        'вул.',
        '3',
        '1',
        'електроенергія',
        'E-61',
        'NIK',
        '6',
        '01.02.2031',
      ],
      [
        '6001',
        'Бондар Ольга Петрівна',
        '',
        'Коростишів',
        'місто',
        'Нова Тиха',
        'вул.',
        '3',
        '1',
        'газ',
        'G-61',
        'BK-G4',
        '5',
        '01.02.2031',
      ],
      ['6002', 'Бондар Іван Петрович', '', 'Коростишів', 'місто', 'Нова Тиха', 'вул.', '3', '2', 'газ', '', '', '', ''],
    ];
    expect(run(d, rows)).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect(house('3')).toBe(1);
    expect(
      d.db
        .prepare(
          "SELECT a.number, p.commodity, m.serial FROM accounts a JOIN metering_points p ON p.account_id = a.id LEFT JOIN meters m ON m.point_id = p.id WHERE a.number IN ('6001', '6002') ORDER BY a.number, p.commodity",
        )
        .all(),
    ).toEqual([
      { number: '6001', commodity: 'electricity', serial: 'E-61' },
      { number: '6001', commodity: 'gas', serial: 'G-61' },
      { number: '6002', commodity: 'gas', serial: null },
    ]);
    // The meter a later file brings to the point that had none is added; the rest stays as it is.
    rows[2] = [...rows[2]!.slice(0, 10), 'G-62', 'BK-G4', '5', '01.03.2031'];
    expect(run(d, rows)).toEqual({ rows: 3, created: 0, updated: 1, unchanged: 2 });
    expect(d.db.prepare("SELECT serial FROM meters WHERE serial LIKE 'G-6%' ORDER BY serial").pluck().all()).toEqual(['G-61', 'G-62']);
  });

  it('writes nothing when any row is bad, and names every bad row, column and value', () => {
    const d = testDistrict();
    const before = d.db.prepare('SELECT count(*) AS n FROM accounts').get();
    const bad = [
      good[0]!,
      ['5003', '', '', 'Коростишів', 'місто', 'Шевченка', 'вул.', 'дванадцять', '', 'вода', 'X', 'Y', '12', '31.02.2030'],
      good[0]!,
    ];
    expect(d.importProblems('accounts', { header, rows: bad, mapping })).toEqual([
      { line: 3, column: 'ПІБ', value: '', reason: 'обовʼязкове поле порожнє' },
      { line: 3, column: 'Вид', value: 'вода', reason: 'очікується «електроенергія» або «газ»' },
      { line: 3, column: 'Будинок', value: 'дванадцять', reason: 'номер будинку на зразок 12, 12а, 12/1' },
      { line: 3, column: 'Розрядність', value: '12', reason: 'розрядність — ціле число від 3 до 9' },
      { line: 3, column: 'Повірка', value: '31.02.2030', reason: 'дата у вигляді ДД.ММ.РРРР або РРРР-ММ-ДД' },
      { line: 4, column: 'О/р', value: '5001', reason: 'та сама точка обліку вже є в рядку 2' },
    ]);
    expect(d.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual(before);
    expect(
      d.importProblems('accounts', {
        header,
        rows: good,
        mapping: Object.fromEntries(Object.entries(mapping).filter(([field]) => field !== 'fullName')),
      }),
    ).toEqual([{ line: 1, column: 'fullName', value: '', reason: 'стовпець не вибрано' }]);
  });

  it('sets complaint and inspection marks from the optional columns, leaves a point alone where they are empty', () => {
    const d = testDistrict();
    const marks = () =>
      d.db
        .prepare(
          `SELECT a.number, p.complaint_since AS complaint, p.complaint_note AS complaintNote, p.inspection_since AS inspection,
             p.inspection_note AS inspectionNote FROM metering_points p JOIN accounts a ON a.id = p.account_id
           WHERE a.number IN ('5001', '5002') ORDER BY a.number`,
        )
        .all();
    const withMarks = [
      [...good[0]!, '03.11.2026', 'Скарга на рахунок', '', ''],
      [...good[1]!, '', '', '2026-10-15', 'Перевірити пломбу'],
    ];
    expect(run(d, withMarks)).toMatchObject({ created: 2 });
    expect(marks()).toEqual([
      { number: '5001', complaint: '2026-11-03', complaintNote: 'Скарга на рахунок', inspection: null, inspectionNote: '' },
      { number: '5002', complaint: null, complaintNote: '', inspection: '2026-10-15', inspectionNote: 'Перевірити пломбу' },
    ]);
    expect(run(d, withMarks)).toMatchObject({ updated: 0, unchanged: 2 });
    // A file without the marks, or with them empty, clears nothing: the card does that.
    expect(run(d, good)).toMatchObject({ updated: 0, unchanged: 2 });
    const moved = withMarks.map((row) => [...row]);
    moved[0]![14] = '';
    moved[0]![15] = '';
    moved[1]![16] = '20.11.2026';
    expect(run(d, moved)).toMatchObject({ updated: 1, unchanged: 1 });
    expect(marks()).toEqual([
      { number: '5001', complaint: '2026-11-03', complaintNote: 'Скарга на рахунок', inspection: null, inspectionNote: '' },
      { number: '5002', complaint: null, complaintNote: '', inspection: '2026-11-20', inspectionNote: 'Перевірити пломбу' },
    ]);
  });

  it('refuses a mark with a date it cannot read, a day to come, or a note without its date', () => {
    const d = testDistrict({}, { today: '2026-11-24' });
    expect(
      d.importProblems('accounts', {
        header,
        rows: [
          [...good[0]!, '31.02.2026', '', '', 'без дати'],
          [...good[1]!, '25.11.2026', '', '2026-10-15', 'x'.repeat(201)],
        ],
        mapping,
      }),
    ).toEqual([
      { line: 2, column: 'Звернення', value: '31.02.2026', reason: 'дата у вигляді ДД.ММ.РРРР або РРРР-ММ-ДД' },
      { line: 2, column: 'Примітка до обстеження', value: 'без дати', reason: 'примітка без дати позначки' },
      { line: 3, column: 'Звернення', value: '25.11.2026', reason: 'дата позначки ще не настала' },
      { line: 3, column: 'Примітка до обстеження', value: 'x'.repeat(201), reason: 'примітка — до 200 символів' },
    ]);
    expect(d.db.prepare("SELECT count(*) AS n FROM accounts WHERE number IN ('5001', '5002')").get()).toEqual({ n: 0 });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addressNumberKey, houseSortKey } from '../../core/addresses/house-number';
import { ukSortKey } from '../../core/collation/uk-sort-key';
import { openDatabase } from '../open';
import { migrations } from './index';
import { ukrainianCompare } from '../../../tests/support/ukrainian-order';

const dir = mkdtempSync(join(tmpdir(), 'obhid-mig6-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const uk = new Intl.Collator('uk');

/** A branch's database as schema 5 left it: names in any order, house keys with letters by code. */
function databaseAtVersion5() {
  const file = join(dir, 'v5.sqlite');
  const db = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 5) });
  db.exec(`
    INSERT INTO settlements (id, name, kind) VALUES (1, 'Їжакевичі', 'село'), (2, 'Ґалаґани', 'село'), (3, 'Гнідин', 'село'),
      (4, 'Єрки', 'село'), (5, 'Економія', 'село'), (6, 'Іванків', 'смт');
    INSERT INTO streets (id, settlement_id, name, kind) VALUES (1, 6, 'Ґонти', 'вул.'), (2, 6, 'Гоголя', 'вул.'),
      (3, 6, 'Європейська', 'вул.'), (4, 6, 'Енергетиків', 'вул.');
    -- Keys as schema 5 wrote them: the letter by its character, so ґ and є came after я.
    INSERT INTO houses (id, street_id, number, sort_key) VALUES (1, 2, '10є', '000100є00000'), (2, 2, '10ґ', '000100ґ00000'),
      (3, 2, '10д', '000100д00000'), (4, 2, '10', '000100 00000'), (5, 2, '10/1', '000101 00001'), (6, 2, '2', '000020 00000');
    INSERT INTO sections (name, settlement_id) VALUES ('Їжакевицька', 1), ('Гнідинська', 3), ('Ґалаґанівська', 2);
    INSERT INTO employees (full_name, is_controller, active) VALUES ('Ґудзь Петро', 1, 1), ('Гнатюк Ольга', 1, 1),
      ('Єременко Віра', 1, 0), ('Еллер Ганна', 1, 1);
    INSERT INTO accounts (id, number, full_name, house_id, apartment) VALUES (1, '1', 'Марченко Ірина', 6, '10'),
      (2, '2', 'Мар''яненко Олег', 6, '2'), (3, '3', 'іваненко тарас', 6, '2а'), (4, '4', 'Иванюк Ілля', 1, ''),
      (5, '5', 'ЇЖАК МАРКО', 2, '');
    INSERT INTO metering_points (account_id, house_id, apartment, commodity)
      SELECT id, house_id, apartment, 'electricity' FROM accounts;
  `);
  db.close();
  return file;
}

describe('migration 6: Ukrainian order', () => {
  const db = openDatabase(databaseAtVersion5(), { migrations: migrations.filter((m) => m.version <= 6) });
  afterAll(() => db.close());
  const names = (sql: string) =>
    db
      .prepare<[], { name: string }>(sql)
      .all()
      .map((row) => row.name);

  it('gives every name, house and apartment of an existing database its key', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    for (const [table, column] of [
      ['settlements', 'name'],
      ['streets', 'name'],
      ['sections', 'name'],
      ['employees', 'full_name'],
      ['accounts', 'full_name'],
    ] as const) {
      for (const row of db.prepare<[], { value: string; key: string }>(`SELECT ${column} AS value, name_key AS key FROM ${table}`).all()) {
        expect(row.key, `${table} ${row.value}`).toBe(ukSortKey(row.value));
      }
    }
    for (const row of db.prepare<[], { number: string; key: string }>('SELECT number, sort_key AS key FROM houses').all()) {
      expect(row.key, row.number).toBe(houseSortKey(row.number));
    }
    for (const row of db
      .prepare<[], { apartment: string; key: string }>('SELECT apartment, apartment_key AS key FROM metering_points')
      .all()) {
      expect(row.key, row.apartment).toBe(addressNumberKey(row.apartment));
    }
  });

  it('lists by the keys in the order of Intl.Collator("uk")', () => {
    const settlements = names('SELECT name FROM settlements ORDER BY name_key');
    expect(settlements).toEqual(['Гнідин', 'Ґалаґани', 'Економія', 'Єрки', 'Іванків', 'Їжакевичі']);
    expect(settlements).toEqual([...settlements].sort(uk.compare));
    expect(names('SELECT name FROM streets ORDER BY name_key')).toEqual(['Гоголя', 'Ґонти', 'Енергетиків', 'Європейська']);
    expect(names('SELECT number AS name FROM houses ORDER BY sort_key')).toEqual(['2', '10', '10ґ', '10д', '10є', '10/1']);
    expect(names('SELECT name FROM sections ORDER BY name_key')).toEqual(['Гнідинська', 'Ґалаґанівська', 'Їжакевицька']);
    expect(names('SELECT full_name AS name FROM employees ORDER BY active DESC, name_key')).toEqual([
      'Гнатюк Ольга',
      'Ґудзь Петро',
      'Еллер Ганна',
      'Єременко Віра',
    ]);
    const accounts = names('SELECT full_name AS name FROM accounts ORDER BY name_key');
    expect(accounts).toEqual(['Иванюк Ілля', 'іваненко тарас', 'ЇЖАК МАРКО', 'Марченко Ірина', "Мар'яненко Олег"]);
    expect(accounts).toEqual([...accounts].sort(ukrainianCompare));
    expect(names('SELECT apartment AS name FROM metering_points WHERE house_id = 6 ORDER BY apartment_key')).toEqual(['2', '2а', '10']);
  });

  it('replaces the name indexes with key indexes, so a page of a list by name is read from an index', () => {
    const plan = (sql: string) =>
      db
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => row.detail)
        .join('; ');
    expect(plan('SELECT id FROM accounts ORDER BY name_key LIMIT 20 OFFSET 40')).toMatch(/USING (COVERING )?INDEX accounts_by_name/);
    expect(plan('SELECT id FROM accounts ORDER BY name_key LIMIT 20')).not.toMatch(/TEMP B-TREE/);
    expect(plan('SELECT id FROM streets WHERE settlement_id = 6 ORDER BY name_key, kind')).not.toMatch(/TEMP B-TREE/);
    expect(plan('SELECT id FROM settlements ORDER BY name_key')).not.toMatch(/TEMP B-TREE/);
    expect(plan('SELECT id FROM employees ORDER BY active DESC, name_key')).not.toMatch(/TEMP B-TREE/);
    const accountIndexes = db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_list(?)').all('accounts');
    expect(accountIndexes.map((index) => index.name)).toContain('accounts_by_name');
    expect(db.prepare<[], { name: string }>("SELECT name FROM pragma_index_info('accounts_by_name')").all()).toEqual([
      { name: 'name_key' },
    ]);
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addressNumberKey, houseSortKey } from '../../core/addresses/house-number';
import { ukSortKey } from '../../core/collation/uk-sort-key';
import { migrate, migrations } from './index';

describe('migration 14, walk sequence', () => {
  it('walks every existing route in address order, and leaves points off routes without a place', () => {
    const db = new Database(':memory:');
    migrate(db, { migrations: migrations.filter((m) => m.version <= 13) });
    const insert = (sql: string, ...values: unknown[]) => Number(db.prepare(sql).run(...values).lastInsertRowid);
    const town = insert("INSERT INTO settlements (name, name_key, kind) VALUES ('Коростишів', ?, 'місто')", ukSortKey('Коростишів'));
    const street = (name: string) =>
      insert("INSERT INTO streets (settlement_id, name, name_key, kind) VALUES (?, ?, ?, 'вул.')", town, name, ukSortKey(name));
    const house = (streetId: number, number: string) =>
      insert('INSERT INTO houses (street_id, number, sort_key) VALUES (?, ?, ?)', streetId, number, houseSortKey(number));
    const [first, second] = [
      insert("INSERT INTO routes (number, name) VALUES (1, 'Перший')"),
      insert("INSERT INTO routes (number, name) VALUES (2, 'Другий')"),
    ];
    let account = 0;
    const point = (houseId: number, apartment: string, routeId: number | null) => {
      const accountId = insert(
        "INSERT INTO accounts (number, full_name, name_key, house_id, apartment) VALUES (?, 'Бойко', 'бойко', ?, ?)",
        String(++account),
        houseId,
        apartment,
      );
      return insert(
        "INSERT INTO metering_points (account_id, house_id, apartment, apartment_key, commodity, route_id) VALUES (?, ?, ?, ?, 'gas', ?)",
        accountId,
        houseId,
        apartment,
        addressNumberKey(apartment),
        routeId,
      );
    };
    // Inserted out of order: Шевченка before Ґонти, 10 before 2, кв. 10 before кв. 2.
    const shevchenka = street('Шевченка');
    const gonty = street('Ґонти');
    const sh10 = house(shevchenka, '10');
    const sh2 = house(shevchenka, '2');
    const go5 = house(gonty, '5');
    const points = {
      sh10apt10: point(sh10, '10', first),
      sh10apt2: point(sh10, '2', first),
      sh2: point(sh2, '', first),
      go5: point(go5, '', first),
      free: point(go5, '1', null),
      other: point(sh2, '3', second),
    };
    migrate(db);
    const places = db.prepare<[], { id: number; routeId: number | null; seq: number | null }>(
      'SELECT id, route_id AS routeId, walk_seq AS seq FROM metering_points ORDER BY route_id, walk_seq',
    );
    expect(places.all()).toEqual([
      { id: points.free, routeId: null, seq: null },
      { id: points.go5, routeId: first, seq: 1 },
      { id: points.sh2, routeId: first, seq: 2 },
      { id: points.sh10apt2, routeId: first, seq: 3 },
      { id: points.sh10apt10, routeId: first, seq: 4 },
      { id: points.other, routeId: second, seq: 1 },
    ]);
    const indexes = db.prepare<[], string>("SELECT name FROM pragma_index_list('metering_points')").pluck().all();
    expect(indexes).toContain('points_by_walk');
    expect(indexes).not.toContain('points_by_route');
  });
});

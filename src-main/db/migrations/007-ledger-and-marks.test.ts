import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './index';

describe('migration 7, ledger and marks', () => {
  it("takes the bills' paid amounts to hold each account's payments oldest first, as far as they reach", () => {
    const db = new Database(':memory:');
    migrate(db, { migrations: migrations.filter((m) => m.version < 7) });
    db.exec(`
      INSERT INTO settlements (id, name, kind) VALUES (1, 'Коростишів', 'місто');
      INSERT INTO streets (id, settlement_id, name, kind) VALUES (1, 1, 'Шевченка', 'вул.');
      INSERT INTO houses (id, street_id, number, sort_key) VALUES (1, 1, '2', '2');
      INSERT INTO accounts (id, number, full_name, house_id, balance_kop) VALUES
        (1, '100', 'Бойко', 1, -40000), (2, '101', 'Коваль', 1, 0), (3, '102', 'Мельник', 1, 0);
      INSERT INTO metering_points (id, account_id, house_id, commodity) VALUES (1, 1, 1, 'electricity'), (2, 1, 1, 'gas'), (3, 3, 1, 'gas');
      -- Account 1 has 500,00 paid on its bills across two points; account 3 nothing paid.
      INSERT INTO bills (point_id, period, amount_kop, paid_kop) VALUES (1, '2026-08', 30000, 30000), (2, '2026-09', 60000, 20000),
        (3, '2026-09', 10000, 0);
      INSERT INTO payments (id, account_id, paid_on, amount_kop) VALUES
        (1, 1, '2026-10-20', 30000), (2, 1, '2026-09-20', 20000), (3, 1, '2026-11-02', 30000),
        (4, 2, '2026-10-01', 10000), (5, 3, '2026-10-01', 10000);
    `);
    expect(migrate(db, { migrations: migrations.filter((m) => m.version <= 7) }).to).toBe(7);
    expect(db.prepare('SELECT id, applied_kop AS applied FROM payments ORDER BY id').all()).toEqual([
      { id: 1, applied: 30000 },
      { id: 2, applied: 20000 },
      { id: 3, applied: 0 },
      { id: 4, applied: 0 },
      { id: 5, applied: 0 },
    ]);
    expect(db.prepare('SELECT bills_imported_on AS "on", paid_ahead_kop AS ahead FROM accounts WHERE id = 1').get()).toEqual({
      on: null,
      ahead: 0,
    });
    expect(db.prepare('SELECT complaint_note AS c, inspection_note AS i FROM metering_points WHERE id = 1').get()).toEqual({
      c: '',
      i: '',
    });
  });
});

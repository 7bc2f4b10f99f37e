import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  autoBackup,
  backupName,
  copyConsistently,
  inspectBackup,
  integrityOf,
  listBackups,
  newestGoodBackup,
  restateAfterClose,
  rotateBackups,
  unchangedSinceCopy,
} from './backups';
import { latestVersion } from './migrations/index';
import { openDatabase } from './open';

describe('backups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-backups-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names copies so they sort by time and say why they were made', () => {
    expect(backupName('start', new Date('2026-11-22T21:30:05.042Z'))).toBe('obhid-20261122-213005-042-start.sqlite');
  });

  it('copies a live database with the online backup API and shows what the copy holds', async () => {
    const db = openDatabase(join(dir, 'live.sqlite'));
    db.exec(`INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто');
      INSERT INTO streets (settlement_id, name, kind) VALUES (1, 'Шевченка', 'вул.');
      INSERT INTO houses (street_id, number, sort_key) VALUES (1, '1', '1');
      INSERT INTO accounts (number, full_name, house_id) VALUES ('1', 'Бойко', 1), ('2', 'Мельник', 1);`);
    const file = (await autoBackup(db, join(dir, 'auto'), 'start', 5))!;
    db.exec("INSERT INTO accounts (number, full_name, house_id) VALUES ('3', 'Коваль', 1)");
    db.close();
    expect(integrityOf(file)).toBe('ok');
    expect(inspectBackup(file)).toMatchObject({ counts: { accounts: 2, points: 0, readings: 0, tasks: 0 }, schema: latestVersion() });
  });

  it('keeps only the newest N automatic copies', async () => {
    const auto = join(dir, 'rotation');
    mkdirSync(auto);
    const names = [
      'obhid-20261101-080000-000-start.sqlite',
      'obhid-20261102-080000-000-close.sqlite',
      'obhid-20261103-080000-000-start.sqlite',
      'notes.txt',
    ];
    for (const name of names) writeFileSync(join(auto, name), '');
    expect(await rotateBackups(auto, 2)).toEqual([join(auto, 'obhid-20261101-080000-000-start.sqlite')]);
    expect(readdirSync(auto).sort()).toEqual([
      'notes.txt',
      'obhid-20261102-080000-000-close.sqlite',
      'obhid-20261103-080000-000-start.sqlite',
    ]);
  });

  it('offers the newest copy that passes integrity_check, passing over damaged ones', async () => {
    const auto = join(dir, 'damaged');
    const db = openDatabase(join(dir, 'second.sqlite'));
    const good = (await autoBackup(db, auto, 'close', 10))!;
    db.close();
    const damaged = join(auto, 'obhid-29991231-235959-999-start.sqlite');
    writeFileSync(damaged, 'SQLite format 3\u0000 but not really a database');
    expect(listBackups(auto)[0]).toBe(damaged);
    expect(integrityOf(damaged)).not.toBe('ok');
    expect(newestGoodBackup(auto)?.file).toBe(good);
  });

  it('skips the automatic copy while nothing is written, and copies again after a write or when the copy is gone', async () => {
    const auto = join(dir, 'unchanged');
    const db = openDatabase(join(dir, 'unchanged.sqlite'));
    db.exec("INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто')");
    const first = await autoBackup(db, auto, 'start', 10);
    expect(first).toMatch(/-start\.sqlite$/);
    expect(await autoBackup(db, auto, 'close', 10)).toBeNull();
    // A read changes nothing, nor does a write rolled back.
    db.prepare('SELECT count(*) FROM settlements').get();
    expect(() =>
      db.transaction(() => {
        db.exec("INSERT INTO settlements (name, kind) VALUES ('Вільшанка', 'село')");
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(await autoBackup(db, auto, 'close', 10)).toBeNull();

    db.exec("INSERT INTO settlements (name, kind) VALUES ('Вільшанка', 'село')");
    const second = (await autoBackup(db, auto, 'close', 10))!;
    expect(second).toMatch(/-close\.sqlite$/);
    expect(inspectBackup(second).counts).toMatchObject({ accounts: 0 });
    rmSync(second);
    expect(await autoBackup(db, auto, 'start', 10)).toMatch(/-start\.sqlite$/);
    db.close();
    expect(listBackups(auto)).toHaveLength(2);
  });

  it('knows a database closed unchanged since its copy for the same one at the next start', async () => {
    const auto = join(dir, 'restart');
    const file = join(dir, 'restart.sqlite');
    let db = openDatabase(file);
    db.exec("INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто')");
    await autoBackup(db, auto, 'close', 10);
    expect(unchangedSinceCopy(auto, file)).toBe(true);
    db.close();
    // The closing checkpoint moved the WAL's frames into the file: the files changed, what they hold did not.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(unchangedSinceCopy(auto, file)).toBe(false);
    restateAfterClose(auto, file);
    db = openDatabase(file);
    expect(await autoBackup(db, auto, 'start', 10)).toBeNull();
    db.exec("UPDATE settlements SET kind = 'село'");
    expect(await autoBackup(db, auto, 'close', 10)).toMatch(/-close\.sqlite$/);
    db.close();
    expect(listBackups(auto)).toHaveLength(2);
  });

  it('copies through a connection of its own, leaving no half-written copy behind', async () => {
    const file = join(dir, 'own.sqlite');
    const db = openDatabase(file);
    db.exec("INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто')");
    const target = join(dir, 'own-copy.sqlite');
    await copyConsistently(file, target);
    db.close();
    expect(integrityOf(target)).toBe('ok');
    expect(existsSync(`${target}.partial`)).toBe(false);
    await expect(copyConsistently(file, join(dir, 'no-such-folder', 'copy.sqlite'))).rejects.toThrow();
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});

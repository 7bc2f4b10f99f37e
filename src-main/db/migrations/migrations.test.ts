import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../open';
import { DatabaseTooNewError, latestVersion, migrate, migrations } from './index';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-mig-'));
  dirs.push(dir);
  return join(dir, 'test.sqlite');
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('migrations', () => {
  it('bring a new file to the latest version with durable settings', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining(['accounts', 'metering_points', 'meters', 'readings', 'bills', 'payments', 'routes', 'settings']),
    );
    db.close();
  });

  it('log one line each with version, name and duration', () => {
    const lines: string[] = [];
    openDatabase(tempFile(), { log: (line) => lines.push(line) }).close();
    expect(lines).toHaveLength(latestVersion());
    expect(lines[0]).toMatch(/^migration 1 initial: \d+\.\d ms$/);
    expect(lines.at(-1)).toMatch(new RegExp(`^migration ${latestVersion()} ${migrations.at(-1)!.name}: `));
  });

  it('are numbered in order and run once', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(migrate(db)).toEqual({ from: latestVersion(), to: latestVersion(), copy: null });
    db.close();
  });

  it('refuse a database written by a newer version', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion() + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
  });

  it('leave nothing behind when one fails', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE settlements (id INTEGER PRIMARY KEY)'); // collides with the first migration
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'streets'").get()).toEqual({ n: 0 });
  });

  it('enforce foreign keys', () => {
    const db = openDatabase(':memory:');
    expect(() => db.prepare("INSERT INTO streets (settlement_id, name, kind) VALUES (999, 'X', 'вул.')").run()).toThrow(/FOREIGN KEY/);
  });
});

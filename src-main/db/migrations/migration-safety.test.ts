import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleChildScript } from '../../../tests/support/child-script';
import { testLog } from '../../../tests/support/test-log';
import { openWorkstation } from '../../hosts/workstation/index';
import { integrityOf } from '../backups';
import { openDatabase } from '../open';
import { latestVersion, migrations, MigrationFailedError } from './index';

/** Everything a migration could change: the schema, its version, and every row of every table. */
function fingerprint(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const schema = db.prepare<[], { sql: string }>('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').all();
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    const rows = Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()]));
    return { version: db.pragma('user_version', { simple: true }) as number, schema, rows };
  } finally {
    db.close();
  }
}

function existingDatabase(dir: string) {
  const file = join(dir, 'obhid.sqlite');
  const db = openDatabase(file);
  db.exec(`INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто'), ('Вільшанка', 'село');
    INSERT INTO streets (settlement_id, name, kind) VALUES (1, 'Шевченка', 'вул.');`);
  db.close();
  return file;
}

const upgradeCopies = (dir: string) => readdirSync(join(dir, 'backups')).filter((name) => name.endsWith('-upgrade.sqlite'));

describe('migrations on an existing database', () => {
  const root = mkdtempSync(join(tmpdir(), 'obhid-migrate-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('killed half-way, leave the database exactly as it was and the copy made before them', async () => {
    const dir = mkdtempSync(join(root, 'kill-'));
    const file = existingDatabase(dir);
    const before = fingerprint(file);

    const child = bundleChildScript('tests/support/migration-child.ts');
    const process = spawn(global.process.execPath, [child, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((done) => process.once('exit', (_code, signal) => done(signal)));
    await new Promise<void>((done, fail) => {
      process.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('half-way') && done());
      process.once('exit', () => fail(new Error('the migration ended before it was killed')));
    });
    expect(existsSync(`${file}-wal`), 'uncommitted pages reached the WAL').toBe(true);
    process.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(fingerprint(file)).toEqual(before);
    expect(integrityOf(file)).toBe('ok');
    const [copy] = upgradeCopies(dir);
    expect(copy, 'the copy made before the first pending migration').toBeDefined();
    expect(integrityOf(join(dir, 'backups', copy!))).toBe('ok');
    expect(fingerprint(join(dir, 'backups', copy!))).toEqual(before);
  });

  it('that fail, say which one, leave it unchanged and say where the copy is; the app says so too', async () => {
    const dir = mkdtempSync(join(root, 'fail-'));
    const file = existingDatabase(dir);
    const before = fingerprint(file);
    const broken = {
      version: latestVersion() + 1,
      name: 'broken-test-migration',
      sql: 'CREATE TABLE probe (id INTEGER); INSERT INTO nowhere VALUES (1);',
    };
    let failure: unknown;
    try {
      openDatabase(file, { migrations: [...migrations, broken] });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(MigrationFailedError);
    const { migration, at, copy } = failure as MigrationFailedError;
    expect(migration).toMatchObject({ version: latestVersion() + 1, name: 'broken-test-migration' });
    expect(at).toBe(latestVersion());
    expect(copy).toMatch(/-upgrade\.sqlite$/);
    expect(fingerprint(file)).toEqual(before);
    expect(fingerprint(copy!)).toEqual(before);

    // The workstation on a database whose upgrade fails opens in recovery and tells the user.
    // Told it is one version older than it is, the database makes the last migration clash with what is already there.
    const old = new Database(file);
    old.pragma(`user_version = ${latestVersion() - 1}`);
    old.close();
    const lines: string[] = [];
    const station = openWorkstation({
      dbFile: file,
      version: 'test',
      log: testLog(lines),
      demoFile: '',
      toPdf: () => Promise.resolve(Buffer.from('')),
      checkIntegrity: () => Promise.resolve('ok'),
    });
    const status = await station.dispatch('auth.status', {}, 'uk');
    expect(status).toMatchObject({
      ok: true,
      value: { upgradeFailed: expect.stringContaining(`міграція ${latestVersion()} «${migrations.at(-1)!.name}»`) as unknown },
    });
    expect(JSON.stringify(status)).toMatch(/-upgrade\.sqlite/);
    expect(await station.dispatch('routes.list', {}, 'en')).toMatchObject({ ok: false, error: { code: 'db.upgradeFailed' } });
    expect(lines.join('\n')).toContain(migrations.at(-1)!.name);
    await station.close();
  });
});

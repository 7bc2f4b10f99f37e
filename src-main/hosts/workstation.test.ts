import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract/envelope';
import { copyConsistently } from '../db/backups';
import { openDatabase } from '../db/open';
import { testLog } from '../../tests/support/test-log';
import { openWorkstation } from './workstation/index';

/** A workstation whose integrity check answers at once; its log lines land in `lines`. */
const openStation = (dbFile: string, lines: string[] = []) =>
  openWorkstation({
    dbFile,
    version: 'test',
    log: testLog(lines),
    demoFile: join(dirname(dbFile), 'no-demo.sqlite'),
    toPdf: () => Promise.resolve(Buffer.from('')),
    checkIntegrity: () => Promise.resolve('ok'),
    copyDatabase: copyConsistently,
  });

describe('the workstation around one database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-workstation-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up at start and close, previews a backup and restores it in place', async () => {
    const dbFile = join(dir, 'obhid.sqlite');
    const seed = openDatabase(dbFile);
    seed.exec(`INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто');
      INSERT INTO streets (settlement_id, name, kind) VALUES (1, 'Шевченка', 'вул.');
      INSERT INTO houses (street_id, number, sort_key) VALUES (1, '1', '1');
      INSERT INTO accounts (number, full_name, house_id) VALUES ('1', 'Бойко', 1);`);
    seed.close();
    const lines: string[] = [];
    const station = openStation(dbFile, lines);
    const call = async <T>(channel: string, input: unknown = {}) => {
      const answer = (await station.dispatch(channel, input, 'uk')) as Envelope<T>;
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value;
    };
    await station.started;
    await call('auth.setup', { login: 'admin', fullName: 'Адміністратор', password: 'correct horse', branchName: 'Коростишівський РЕМ' });

    const status = await call<{ integrity: string; backups: { file: string; reason: string }[] }>('backups.status');
    expect(status.integrity).toBe('ok');
    expect(status.backups.map((b) => b.reason)).toEqual(['start']);
    const startCopy = status.backups[0]!.file;

    await call('settlements.save', { name: 'Вільшанка', kind: 'село' });
    expect(await call('backups.inspect', { file: startCopy })).toMatchObject({ integrity: 'ok', counts: { accounts: 1 } });

    const restored = await call<{ safetyCopy: string }>('backups.restore', { file: startCopy });
    expect(restored.safetyCopy).toMatch(/-manual\.sqlite$/);
    // The copy predates the administrator, so the workstation asks for one again.
    expect(await call('auth.status')).toMatchObject({ needsSetup: true, user: null });
    await call('auth.setup', { login: 'admin', fullName: 'Адміністратор', password: 'correct horse', branchName: 'Коростишівський РЕМ' });
    expect((await call<{ name: string }[]>('settlements.list')).map((s) => s.name)).toEqual(['Коростишів']);
    const log = await call<{ rows: { login: string; entity: string }[] }>('audit.list', { entity: 'database.restore' });
    expect(log.rows).toMatchObject([{ login: 'admin', entity: 'database.restore' }]);

    await station.close();
    expect(readdirSync(join(dir, 'backups')).filter((name) => name.endsWith('-close.sqlite'))).toHaveLength(1);
  });

  it('writes no copy at a start or close when nothing was written since the last one', async () => {
    // Its own folder, so its own backups folder beside the database.
    const dbFile = join(dir, 'quiet', 'obhid.sqlite');
    openDatabase(dbFile).close();
    const copies = () =>
      readdirSync(join(dir, 'quiet', 'backups'))
        .filter((name) => name.endsWith('.sqlite'))
        .sort();
    const admin = { login: 'admin', password: 'correct horse' };
    /** One start, some work, and the close; what the log says of the copies. */
    const run = async (work: (call: (channel: string, input: unknown) => Promise<unknown>) => Promise<unknown>) => {
      const lines: string[] = [];
      const station = openStation(dbFile, lines);
      await station.started;
      await work((channel, input) => station.dispatch(channel, input, 'uk'));
      await station.close();
      return lines.filter((line) => line.startsWith('backup'));
    };

    expect(await run((call) => call('auth.setup', { ...admin, fullName: 'Адміністратор', branchName: 'Коростишівський РЕМ' }))).toEqual([]);
    expect(copies().map((name) => name.replace(/^.*-/, ''))).toEqual(['start.sqlite', 'close.sqlite']);
    // Started and closed without signing in (a sign-in is audited, so it is a write): neither start nor close copies.
    expect(await run((call) => call('auth.status', {}))).toEqual([
      'backup at start skipped: nothing written since the last copy',
      'backup at close skipped: nothing written since the last copy',
    ]);
    expect(copies()).toHaveLength(2);
    expect(
      await run(async (call) => (await call('auth.login', admin), await call('settlements.save', { name: 'Вільшанка', kind: 'село' }))),
    ).toEqual(['backup at start skipped: nothing written since the last copy']);
    expect(copies()).toHaveLength(3);
  });

  it('refuses to restore a file that is not a sound database, in the user language', async () => {
    const dbFile = join(dir, 'second.sqlite');
    openDatabase(dbFile).close();
    const station = openStation(dbFile);
    await station.dispatch(
      'auth.setup',
      { login: 'admin', fullName: 'Адміністратор', password: 'correct horse', branchName: 'Коростишівський РЕМ' },
      'uk',
    );
    const bogus = join(dir, 'bogus.sqlite');
    writeFileSync(bogus, 'not a database at all');
    const answer = await station.dispatch('backups.restore', { file: bogus }, 'uk');
    expect(answer).toMatchObject({ ok: false, error: { code: 'backup.notADatabase' } });
    await station.close();
  });
});

describe('a database that cannot be opened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-damaged-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts in recovery instead of crashing, and comes back whole from a backup', async () => {
    const dbFile = join(dir, 'obhid.sqlite');
    const healthy = openDatabase(dbFile);
    healthy.exec("INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто')");
    await healthy.backup(join(dir, 'good.sqlite'));
    healthy.close();
    writeFileSync(dbFile, 'this is not a database any more, it was overwritten by a failing disk');

    const lines: string[] = [];
    const station = openStation(dbFile, lines);
    expect(lines.join('\n')).toMatch(/cannot be opened/);
    const status = await station.dispatch('auth.status', {}, 'uk');
    expect(status).toMatchObject({ ok: true, value: { user: null, damaged: expect.any(String) as unknown } });
    expect(await station.dispatch('routes.list', {}, 'uk')).toMatchObject({ ok: false, error: { code: 'db.damaged' } });

    const restored = await station.dispatch('backups.restore', { file: join(dir, 'good.sqlite') }, 'uk');
    expect(restored).toMatchObject({ ok: true, value: { safetyCopy: null, restored: { integrity: 'ok' } } });
    expect(readdirSync(dir).some((name) => name.startsWith('obhid.sqlite.damaged-'))).toBe(true);
    expect(await station.dispatch('auth.status', {}, 'uk')).toMatchObject({ ok: true, value: { needsSetup: true } });
    await station.dispatch(
      'auth.setup',
      { login: 'admin', fullName: 'Адміністратор', password: 'correct horse', branchName: 'Коростишівський РЕМ' },
      'uk',
    );
    expect(await station.dispatch('settlements.list', {}, 'uk')).toMatchObject({ ok: true, value: [{ name: 'Коростишів' }] });
    await station.close();
  });
});

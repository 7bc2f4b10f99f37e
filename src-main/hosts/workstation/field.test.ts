import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract/envelope';
import type { FieldStatus } from '../../../shared/contract/field-service';
import { testLog } from '../../../tests/support/test-log';
import { copyConsistently } from '../../db/backups';
import { openDatabase } from '../../db/open';
import { openWorkstation } from './index';

const admin = { login: 'admin', fullName: 'Гнатюк Ольга', password: 'correct horse', branchName: 'Коростишівський РЕМ' };

/** A workstation on `dbFile` whose field listener binds 127.0.0.1 and believes its LAN addresses are `lan`. */
function station(dbFile: string, lan: string[] = ['192.168.7.7']) {
  const lines: string[] = [];
  const opened = openWorkstation({
    dbFile,
    version: 'test',
    log: testLog(lines),
    demoFile: join(dbFile, '..', 'no-demo.sqlite'),
    toPdf: () => Promise.resolve(Buffer.from('')),
    checkIntegrity: () => Promise.resolve('ok'),
    copyDatabase: copyConsistently,
    field: { host: '127.0.0.1', addresses: () => lan, phoneDir: join(dbFile, '..', 'no-phone-app') },
  });
  const answer = async <T>(channel: string, input: unknown = {}, locale = 'uk') =>
    (await opened.dispatch(channel, input, locale)) as Envelope<T>;
  const call = async <T>(channel: string, input: unknown = {}) => {
    const envelope = await answer<T>(channel, input);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value;
  };
  return { ...opened, answer, call, lines };
}

/** The server certificate the listener presents, as a phone receives it (not checked: only looked at). */
const presented = (port: number) =>
  new Promise<X509Certificate>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false }, () => {
      const raw = socket.getPeerCertificate().raw;
      socket.end();
      resolve(new X509Certificate(raw));
    });
    socket.on('error', reject);
  });
const spkiOf = (cert: X509Certificate) =>
  createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');

const plainGet = (port: number, path: string) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    })
      .on('error', reject)
      .end();
  });

const refusedAt = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      socket.end();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });

const settingsOf = (dbFile: string) => {
  const db = openDatabase(dbFile);
  try {
    return Object.fromEntries(
      db
        .prepare<[], { key: string; value: string }>("SELECT key, value FROM settings WHERE key LIKE 'field.%' ORDER BY key")
        .all()
        .map((row) => [row.key, row.value]),
    );
  } finally {
    db.close();
  }
};

describe('Сервіс → Телефони контролерів: the field listener as the administrator runs it', () => {
  const root = mkdtempSync(join(tmpdir(), 'obhid-field-host-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const fresh = async (name: string, lan?: string[]) => {
    const dbFile = join(root, name, 'obhid.sqlite');
    const opened = station(dbFile, lan);
    await opened.started;
    await opened.call('auth.setup', admin);
    return { dbFile, ...opened };
  };

  it('is off until an administrator turns it on; then it listens, with the addresses, URLs and keys a phone and a test need', async () => {
    const { dbFile, call, answer, close } = await fresh('start');
    try {
      expect(await call<FieldStatus>('field.status')).toEqual({
        enabled: false,
        running: false,
        port: 8443,
        caPort: null,
        addresses: ['192.168.7.7'],
        pairUrl: null,
        caUrl: null,
        caFingerprint: null,
        spki: null,
        problem: null,
      });
      const started = await call<FieldStatus>('field.start', { port: 0 });
      expect(started).toMatchObject({ enabled: true, running: true, addresses: ['192.168.7.7'], problem: null });
      expect(started.port).toBeGreaterThan(0);
      expect(started.caPort).toBeGreaterThan(0);
      expect(started.pairUrl).toBe(`https://192.168.7.7:${started.port}/`);
      expect(started.caUrl).toBe(`http://192.168.7.7:${started.caPort}/ca.pem`);
      expect(await call<FieldStatus>('field.status')).toEqual(started);

      // The key a test browser is told to trust is the one the listener presents; the authority is the one /ca.pem hands out.
      const server = await presented(started.port);
      expect(spkiOf(server)).toBe(started.spki);
      const ca = new X509Certificate((await plainGet(started.caPort!, '/ca.pem')).text);
      expect(ca.fingerprint256).toBe(started.caFingerprint);
      expect(server.verify(ca.publicKey)).toBe(true);
      expect(server.checkIP('192.168.7.7')).toBe('192.168.7.7');
      expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
      // The authority is kept beside the database, its key for the workstation's user alone.
      if (process.platform !== 'win32') expect(statSync(join(root, 'start', 'field', 'ca-key.pem')).mode & 0o777).toBe(0o600);

      expect(settingsOf(dbFile)).toEqual({ 'field.enabled': '1', 'field.port': '0' });
      const log = await call<{ rows: { entity: string; newValue: string }[] }>('audit.list', { entity: 'field.service' });
      expect(log.rows.map((row) => JSON.parse(row.newValue) as unknown)).toEqual([{ enabled: true, port: started.port }]);

      // Another port: the listener moves there.
      const moved = await call<FieldStatus>('field.start', {});
      expect(moved.port).not.toBe(started.port);
      expect(await refusedAt(started.port)).toBe(true);

      const stopped = await call<FieldStatus>('field.stop');
      expect(stopped).toMatchObject({ enabled: false, running: false, pairUrl: null, spki: null });
      expect(await refusedAt(moved.port)).toBe(true);
      expect(settingsOf(dbFile)['field.enabled']).toBe('0');

      const refused = await answer('field.pairing');
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.code).toBe('field.notRunning');
    } finally {
      await close();
    }
  });

  it('starts again with the workstation when it was left on, with the same authority; stays off when it was turned off', async () => {
    const first = await fresh('restart');
    const before = await first.call<FieldStatus>('field.start', { port: 0 });
    await first.close();
    expect(await refusedAt(before.port)).toBe(true);

    const again = station(first.dbFile);
    try {
      await again.fieldSettled();
      const status = await again.call<FieldStatus>('field.status').catch(() => null);
      // Nobody is signed in yet: the administrator's screen waits, the phones do not.
      expect(status).toBeNull();
      await again.call('auth.login', { login: admin.login, password: admin.password });
      const after = await again.call<FieldStatus>('field.status');
      expect(after.running).toBe(true);
      expect(after.caFingerprint).toBe(before.caFingerprint);
      expect(after.spki).toBe(before.spki);
      await again.call('field.stop');
    } finally {
      await again.close();
    }
    const third = station(first.dbFile);
    try {
      await third.fieldSettled();
      await third.call('auth.login', { login: admin.login, password: admin.password });
      expect(await third.call<FieldStatus>('field.status')).toMatchObject({ enabled: false, running: false });
    } finally {
      await third.close();
    }
  });

  it('follows the database a restore puts in place: on when that copy had it on, off when not', async () => {
    const { call, close } = await fresh('restore');
    try {
      const on = await call<FieldStatus>('field.start', { port: 0 });
      const copyOn = join(root, 'restore', 'with-field-on.sqlite');
      await call('backups.create', { file: copyOn });
      await call('field.stop');
      const copyOff = join(root, 'restore', 'with-field-off.sqlite');
      await call('backups.create', { file: copyOff });

      await call('backups.restore', { file: copyOn });
      const restored = await call<FieldStatus>('field.status');
      expect(restored).toMatchObject({ enabled: true, running: true, caFingerprint: on.caFingerprint });
      expect(await refusedAt(restored.port)).toBe(false);

      await call('backups.restore', { file: copyOff });
      expect(await call<FieldStatus>('field.status')).toMatchObject({ enabled: false, running: false });
      expect(await refusedAt(restored.port)).toBe(true);
    } finally {
      await close();
    }
  });

  it('says the port is taken, in words, and keeps the service as it was', async () => {
    const { call, answer, close } = await fresh('taken');
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const refused = await answer('field.start', { port });
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.code).toBe('field.portInUse');
      expect(!refused.ok && refused.error.message).toContain(`Порт ${port} уже зайнятий`);
      expect(await call<FieldStatus>('field.status')).toMatchObject({ enabled: false, running: false });
    } finally {
      blocker.close();
      await close();
    }
  });

  it('shows why it is not running when the port it was left on is taken at the next start', async () => {
    const first = await fresh('taken-later');
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    blocker.close();
    await first.call('field.start', { port });
    await first.close();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    const again = station(first.dbFile);
    try {
      await again.fieldSettled();
      await again.call('auth.login', { login: admin.login, password: admin.password });
      const status = await again.call<FieldStatus>('field.status');
      expect(status).toMatchObject({ enabled: true, running: false, port });
      expect(status.problem).toContain(`Порт ${port} уже зайнятий`);
      expect(again.lines.some((line) => line.includes('did not start'))).toBe(true);
    } finally {
      blocker.close();
      await again.close();
    }
  });

  it('issues the certificate again when the workstation’s addresses change', async () => {
    const lan = ['192.168.7.7'];
    const { call, close } = await fresh('moved', lan);
    try {
      const before = await call<FieldStatus>('field.start', { port: 0 });
      lan.splice(0, 1, '10.1.2.3');
      const after = await call<FieldStatus>('field.status');
      expect(after).toMatchObject({ running: true, addresses: ['10.1.2.3'], caFingerprint: before.caFingerprint });
      expect(after.pairUrl).toBe(`https://10.1.2.3:${after.port}/`);
      expect(after.spki).not.toBe(before.spki);
      const server = await presented(after.port);
      expect(server.checkIP('10.1.2.3')).toBe('10.1.2.3');
      expect(spkiOf(server)).toBe(after.spki);
    } finally {
      await close();
    }
  });

  it('answers the phones, not the operator: the operator’s channels are not found on the field listener', async () => {
    const { call, close } = await fresh('narrow');
    try {
      const status = await call<FieldStatus>('field.start', { port: 0 });
      const rpc = await new Promise<number>((resolve, reject) => {
        const request = connect({ host: '127.0.0.1', port: status.port, servername: 'localhost', rejectUnauthorized: false }, () => {
          request.write(
            'POST /api/rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
          );
        });
        let text = '';
        request.on('data', (chunk: Buffer) => (text += chunk.toString()));
        request.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1])));
        request.on('error', reject);
      });
      expect(rpc).toBe(404);
      expect((await plainGet(status.caPort!, '/api/rpc')).status).toBe(404);
    } finally {
      await close();
    }
  });

  it('is the administrator’s alone', async () => {
    const { call, answer, close } = await fresh('roles');
    try {
      await call('users.save', { login: 'operator', fullName: 'Оператор', role: 'operator', password: 'operator-1' });
      await call('auth.logout');
      await call('auth.login', { login: 'operator', password: 'operator-1' });
      for (const channel of ['field.status', 'field.start', 'field.sessions', 'field.pairing']) {
        const refused = await answer(channel, channel === 'field.start' ? { port: 0 } : {});
        expect(refused.ok, channel).toBe(false);
        expect(!refused.ok && refused.error.code).toBe('auth.forbidden');
      }
    } finally {
      await close();
    }
  });
});

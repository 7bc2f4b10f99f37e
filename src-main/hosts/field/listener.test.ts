import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fieldJsonMaxBytes, fieldPhotoMaxBytes } from '../../../shared/contract/field';
import type { FieldCaller, FieldService } from '../../core/field/service';
import { testLog } from '../../../tests/support/test-log';
import { fieldTls, type FieldTls } from './certificate-authority';
import { startFieldListener, type FieldListener, type FieldListenerOptions } from './listener';

const controller: FieldCaller = { sessionId: 7, userId: 3, login: 'kovalchuk', fullName: 'Ковальчук Ірина', employeeId: 2 };
const token = 'good-token-0123456789';
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);

/** A field service that answers plainly and keeps every call it was given. */
function fakeService() {
  const calls: { method: string; args: unknown[] }[] = [];
  const service: FieldService = {
    pair: (body, locale) => {
      calls.push({ method: 'pair', args: [body, locale] });
      return { ok: true, value: { token, user: { login: controller.login, fullName: controller.fullName } } };
    },
    authenticate: (presented) => {
      calls.push({ method: 'authenticate', args: [presented] });
      return presented === token ? controller : null;
    },
    plan: (caller, locale) => {
      calls.push({ method: 'plan', args: [caller, locale] });
      return { ok: true, value: { controller, today: '2026-11-20', generatedAt: '', tasks: [], reasons: [], problems: [] } };
    },
    results: (caller, body, locale) => {
      calls.push({ method: 'results', args: [caller, body, locale] });
      return { ok: true, value: { results: [{ clientId: 'result-0001', status: 'new' }] } };
    },
    photo: (caller, photoId, meta, bytes, locale) => {
      calls.push({ method: 'photo', args: [caller, photoId, meta, bytes, locale] });
      return { ok: true, value: { photoId, status: 'new' } };
    },
    signOut: (caller) => {
      calls.push({ method: 'signOut', args: [caller] });
      return { ok: true, value: { sessionId: caller.sessionId } };
    },
  };
  const methods = () => calls.map((call) => call.method).filter((method) => method !== 'authenticate');
  return { service, calls, methods };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => { error?: { code: string; message: string } } & Record<string, unknown>;
}

interface Ask {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Sent in pieces without a Content-Length, as a stream whose size nobody declared. */
  chunked?: boolean;
}

const collect = (resolve: (answer: Answer) => void) => (response: import('node:http').IncomingMessage) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) as never });
  });
};

describe('the field service’s listener', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-field-listener-'));
  const phoneDir = join(dir, 'phone');
  let tls: FieldTls;
  let listener: FieldListener | null = null;
  const log = testLog();

  beforeAll(async () => {
    tls = await fieldTls({ dir: join(dir, 'field'), names: ['127.0.0.1', 'localhost'] });
    mkdirSync(join(phoneDir, 'assets'), { recursive: true });
    writeFileSync(join(phoneDir, 'index.html'), '<!doctype html><title>Обхід</title>');
    writeFileSync(join(phoneDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(phoneDir, 'manifest.webmanifest'), '{"name":"Обхід"}');
    writeFileSync(join(phoneDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'not for phones');
  });
  afterEach(async () => {
    await listener?.close();
    listener = null;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = async (service: FieldService | null, more: Partial<FieldListenerOptions> = {}) => {
    listener = await startFieldListener({
      service: () => service,
      staticDir: phoneDir,
      port: 0,
      host: '127.0.0.1',
      tls: { key: tls.key, cert: tls.cert, ca: tls.caPem },
      log,
      ...more,
    });
    return listener;
  };

  /** A request over HTTPS that trusts only the workstation's own authority, as a paired phone does. */
  const ask = (path: string, { method = 'GET', headers = {}, body, chunked }: Ask = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const sent = httpsRequest(
        { host: '127.0.0.1', port: listener!.port, path, method, headers, ca: tls.caPem, servername: 'localhost', agent: false },
        collect(resolve),
      );
      sent.on('error', reject);
      if (body !== undefined && chunked) {
        const whole = Buffer.from(body);
        // Pieces of 64 KB, each written when the last has gone: the listener may answer (and close) part-way.
        const pieces = Array.from({ length: Math.ceil(whole.length / 65536) }, (_, i) => whole.subarray(i * 65536, (i + 1) * 65536));
        const next = () => {
          const piece = pieces.shift();
          if (piece === undefined || sent.destroyed) return sent.end();
          sent.write(piece, next);
        };
        next();
      } else sent.end(body);
    });
  const plain = (path: string) =>
    new Promise<Answer>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port: listener!.caPort, path, agent: false }, collect(resolve)).on('error', reject).end();
    });
  const authorized = { Authorization: `Bearer ${token}` };
  const photoHeaders = { ...authorized, 'Content-Type': 'image/jpeg', 'X-Position-Id': '41', 'X-Taken-At': '2026-11-20T09:15:00+02:00' };

  it('answers nothing of the operator’s channels, nor any path it does not know', async () => {
    const fake = fakeService();
    await start(fake.service);
    const rpc = JSON.stringify({ channel: 'users.list', input: {} });
    expect(
      (await ask('/api/rpc', { method: 'POST', headers: { ...authorized, 'Content-Type': 'application/json' }, body: rpc })).status,
    ).toBe(404);
    expect((await ask('/api/rpc', { headers: { Accept: 'text/html' } })).status).toBe(404);
    expect((await ask('/field/users', { headers: authorized })).status).toBe(404);
    const wrongMethod = await ask('/field/plan', { method: 'POST', headers: authorized, body: '{}' });
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.json().error?.code).toBe('field.notFound');
    expect((await ask('/field/photos/../../etc', { method: 'PUT', headers: photoHeaders, body: jpeg })).status).toBe(404);
    expect((await ask('/field/photos/bad%20id', { method: 'PUT', headers: photoHeaders, body: jpeg })).status).toBe(404);
    expect((await ask('/nothing.js')).status).toBe(404);
    expect((await ask('/index.html', { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await ask('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await ask('/..%2fsecret.txt')).text).not.toContain('not for phones');
    expect(fake.methods()).toEqual([]);
  });

  it('passes pairing, the plan, results and a photo to the service with the parsed body, the headers’ meta and the caller', async () => {
    const fake = fakeService();
    await start(fake.service);
    const pairing = { code: '123456', login: 'kovalchuk', password: 'secret', device: 'Galaxy A14' };
    const paired = await ask('/field/pair', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en-US,en;q=0.9' },
      body: JSON.stringify(pairing),
    });
    expect(paired.status).toBe(200);
    expect(paired.json()).toEqual({ token, user: { login: 'kovalchuk', fullName: 'Ковальчук Ірина' } });
    expect(paired.headers['cache-control']).toBe('no-store');

    const plan = await ask('/field/plan', { headers: authorized });
    expect(plan.status).toBe(200);
    expect(plan.json()).toMatchObject({ today: '2026-11-20' });

    const results = {
      results: [{ clientId: 'result-0001', positionId: 41, value: 1234, reasonCode: null, takenAt: '2026-11-20T09:15:00+02:00' }],
    };
    const sent = await ask('/field/results', { method: 'POST', headers: authorized, body: JSON.stringify(results) });
    expect(sent.json()).toEqual({ results: [{ clientId: 'result-0001', status: 'new' }] });

    const photo = await ask('/field/photos/photo-0001', { method: 'PUT', headers: photoHeaders, body: jpeg });
    expect(photo.status).toBe(200);
    expect(photo.json()).toEqual({ photoId: 'photo-0001', status: 'new' });

    const byMethod = Object.fromEntries(
      fake.calls.filter((call) => call.method !== 'authenticate').map((call) => [call.method, call.args]),
    );
    expect(byMethod.pair).toEqual([pairing, 'en']);
    expect(byMethod.plan).toEqual([controller, 'uk']);
    expect(byMethod.results).toEqual([controller, results, 'uk']);
    const [caller, photoId, meta, bytes, locale] = byMethod.photo as [FieldCaller, string, unknown, Buffer, string];
    expect([caller, photoId, meta, locale]).toEqual([
      controller,
      'photo-0001',
      { positionId: '41', takenAt: '2026-11-20T09:15:00+02:00' },
      'uk',
    ]);
    expect(bytes.equals(jpeg)).toBe(true);

    const signedOut = await ask('/field/sign-out', { method: 'POST', headers: authorized });
    expect(signedOut.json()).toEqual({ sessionId: 7 });
    expect(fake.calls.find((call) => call.method === 'signOut')?.args).toEqual([controller]);
    expect(fake.calls.filter((call) => call.method === 'authenticate').map((call) => call.args[0])).toEqual([token, token, token, token]);
  });

  it('sends the service’s refusal with its status and words', async () => {
    const fake = fakeService();
    fake.service.plan = () => ({ ok: false, status: 403, error: { code: 'auth.forbidden', message: 'Недостатньо прав' } });
    await start(fake.service);
    const refused = await ask('/field/plan', { headers: authorized });
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({ error: { code: 'auth.forbidden', message: 'Недостатньо прав' } });
  });

  it('refuses a request without a token, or with one the service does not know, in the phone’s language', async () => {
    const fake = fakeService();
    await start(fake.service);
    const none = await ask('/field/plan');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json().error).toMatchObject({
      code: 'field.unauthorized',
      message: expect.stringContaining('Телефон не підключено') as unknown,
    });
    const wrong = await ask('/field/results', {
      method: 'POST',
      headers: { Authorization: 'Bearer revoked-token-000', 'Accept-Language': 'en-GB,en' },
      body: '{"results":[]}',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json().error?.message).toContain('not paired');
    const photo = await ask('/field/photos/photo-0002', {
      method: 'PUT',
      headers: { ...photoHeaders, Authorization: 'Basic a2V5' },
      body: jpeg,
    });
    expect(photo.status).toBe(401);
    expect((await ask('/field/sign-out', { method: 'POST' })).status).toBe(401);
    expect(fake.methods()).toEqual([]);
  });

  it('refuses a photo over the cap with 413 and passes nothing on, whether its size was declared or not', async () => {
    const fake = fakeService();
    await start(fake.service);
    const big = Buffer.concat([jpeg, Buffer.alloc(fieldPhotoMaxBytes, 1)]);
    const declared = await ask('/field/photos/photo-0003', { method: 'PUT', headers: photoHeaders, body: big });
    expect(declared.status).toBe(413);
    expect(declared.json().error).toMatchObject({ code: 'field.tooLarge', message: expect.stringContaining('350 КБ') as unknown });
    const streamed = await ask('/field/photos/photo-0004', { method: 'PUT', headers: photoHeaders, body: big, chunked: true });
    expect(streamed.status).toBe(413);
    expect(fake.methods()).toEqual([]);
    // Just under the cap still goes through.
    const fits = Buffer.concat([jpeg, Buffer.alloc(fieldPhotoMaxBytes - jpeg.length, 1)]);
    expect((await ask('/field/photos/photo-0005', { method: 'PUT', headers: photoHeaders, body: fits })).status).toBe(200);
    expect(fake.methods()).toEqual(['photo']);
  });

  it('refuses what is not an image with 415: by its type, or by its bytes', async () => {
    const fake = fakeService();
    await start(fake.service);
    const text = await ask('/field/photos/photo-0006', {
      method: 'PUT',
      headers: { ...photoHeaders, 'Content-Type': 'text/plain' },
      body: 'a reading, honestly',
    });
    expect(text.status).toBe(415);
    expect(text.json().error).toMatchObject({ code: 'field.notImage', message: expect.stringContaining('Це не фото') as unknown });
    const disguised = await ask('/field/photos/photo-0007', {
      method: 'PUT',
      headers: photoHeaders,
      body: Buffer.from('<html>not a jpeg</html>'),
    });
    expect(disguised.status).toBe(415);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    expect(
      (await ask('/field/photos/photo-0008', { method: 'PUT', headers: { ...photoHeaders, 'Content-Type': 'image/png' }, body: png }))
        .status,
    ).toBe(200);
    expect(fake.methods()).toEqual(['photo']);
  });

  it('refuses a JSON body over its cap with 413, and one that is not JSON with 400', async () => {
    const fake = fakeService();
    await start(fake.service);
    const huge = JSON.stringify({ results: [{ note: 'x'.repeat(fieldJsonMaxBytes) }] });
    expect((await ask('/field/results', { method: 'POST', headers: authorized, body: huge })).status).toBe(413);
    expect((await ask('/field/results', { method: 'POST', headers: authorized, body: huge, chunked: true })).status).toBe(413);
    expect((await ask('/field/pair', { method: 'POST', body: huge })).status).toBe(413);
    const broken = await ask('/field/results', { method: 'POST', headers: authorized, body: '{"results": [' });
    expect(broken.status).toBe(400);
    expect(broken.json().error?.code).toBe('field.badJson');
    expect(fake.methods()).toEqual([]);
  });

  it('limits the requests of one address, and pairing attempts more tightly, with 429', async () => {
    let clock = 1_000_000;
    const fake = fakeService();
    await start(fake.service, {
      now: () => clock,
      limits: { all: { perSecond: 1, burst: 5 }, pairing: { perSecond: 1 / 60, burst: 2 } },
    });
    const pair = () => ask('/field/pair', { method: 'POST', body: JSON.stringify({ code: '000000' }) });
    expect((await pair()).status).toBe(200);
    expect((await pair()).status).toBe(200);
    const third = await pair();
    expect(third.status).toBe(429);
    expect(third.json().error?.code).toBe('field.rateLimited');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(30);
    // Two more requests of any kind use the rest of the burst; the next is refused until time passes.
    expect((await ask('/field/plan', { headers: authorized })).status).toBe(200);
    expect((await ask('/field/plan', { headers: authorized })).status).toBe(200);
    expect((await ask('/index.html')).status).toBe(429);
    clock += 2000;
    expect((await ask('/field/plan', { headers: authorized })).status).toBe(200);
    expect(fake.methods()).toEqual(['pair', 'pair', 'plan', 'plan', 'plan']);
  });

  it('says the workstation cannot take data while no database is open, and hides a failure of the service', async () => {
    await start(null);
    const closed = await ask('/field/plan', { headers: authorized });
    expect(closed.status).toBe(503);
    expect(closed.json().error?.code).toBe('field.unavailable');
    await listener!.close();

    const fake = fakeService();
    fake.service.plan = () => {
      throw new Error('no such table: field_sessions');
    };
    await start(fake.service);
    const failed = await ask('/field/plan', { headers: authorized });
    expect(failed.status).toBe(500);
    expect(failed.text).not.toContain('field_sessions');
    expect(log.lines.some((line) => line.includes('/field/plan failed'))).toBe(true);
  });

  it('serves the phone app: its pages with the app’s policy, index.html and sw.js always asked again, navigations to index.html', async () => {
    await start(fakeService().service);
    const index = await ask('/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>Обхід</title>');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const worker = await ask('/sw.js');
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect((await ask('/manifest.webmanifest')).headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    const asset = await ask('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    const again = await ask('/sw.js', { headers: { 'If-None-Match': String(worker.headers.etag) } });
    expect(again.status).toBe(304);
    const navigation = await ask('/today', { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(navigation.status).toBe(200);
    expect(navigation.text).toContain('<title>Обхід</title>');
    // A script that is not there is not answered with a page.
    expect((await ask('/assets/gone.js', { headers: { Accept: 'text/html' } })).status).toBe(404);
    expect((await ask('/today')).status).toBe(404);
    const ca = await ask('/ca.pem');
    expect(ca.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(ca.text).toBe(tls.caPem);
  });

  it('says the phone app is not built when its folder is empty', async () => {
    await start(fakeService().service, { staticDir: join(dir, 'not-built') });
    const missing = await ask('/', { headers: { Accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('not built');
  });

  it('hands out the authority’s certificate over plain HTTP with a page on installing it, and nothing else there', async () => {
    await start(fakeService().service);
    expect(listener!.caPort).not.toBe(listener!.port);
    const certificate = await plain('/ca.pem');
    expect(certificate.status).toBe(200);
    expect(certificate.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(certificate.text).toBe(tls.caPem);
    const page = await plain('/');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('Завантажити сертифікат');
    expect(page.text).toContain(tls.caFingerprint);
    expect(page.text).toContain(`https://127.0.0.1:${listener!.port}/`);
    expect((await plain('/field/plan')).status).toBe(404);
    expect((await plain('/api/rpc')).status).toBe(404);
    expect((await plain('/index.html')).status).toBe(404);
  });
});

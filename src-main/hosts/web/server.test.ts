import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract/envelope';
import { testDistrict } from '../../../tests/support/test-district';
import { startWebHost, type WebHost } from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, because the tests must forge Host and Origin headers. */
function call(
  host: WebHost,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const rpc = (host: WebHost, payload: unknown, headers: Record<string, string> = {}) =>
  call(host, '/api/rpc', {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });

describe('browser-mode host', () => {
  const district = testDistrict();
  const staticDir = mkdtempSync(join(tmpdir(), 'obhid-static-'));
  let host: WebHost;

  beforeAll(async () => {
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Обхід</title>');
    writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
    host = await startWebHost({
      dispatch: (channel, input, locale) => Promise.resolve(district.core.dispatch(channel, input, locale)),
      staticDir,
      maxBody: 1024 * 1024,
    });
  });
  afterAll(async () => {
    await host.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('listens on loopback only and puts the token in the fragment of the URL it prints', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call with the run token through the same registry', async () => {
    const reply = await rpc(host, { channel: 'sections.list', input: {}, locale: 'uk' });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body) as Envelope<{ name: string }[]>;
    expect(envelope.ok && envelope.value.map((s) => s.name)).toEqual(['Центр']);
  });

  it('refuses calls without the token or with another one, in the user language', async () => {
    const none = await call(host, '/api/rpc', { method: 'POST', headers: { 'accept-language': 'uk-UA' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'request.unauthorized' } });
    const wrong = await rpc(host, { channel: 'sections.list', input: {} }, { authorization: `Bearer ${host.token.slice(1)}x` });
    expect(wrong.status).toBe(401);
  });

  it('refuses any host name or origin that is not this loopback address', async () => {
    const rebound = await call(host, '/api/rpc', {
      method: 'POST',
      headers: { host: 'evil.example:80', authorization: `Bearer ${host.token}` },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
    const foreign = await rpc(host, { channel: 'sections.list', input: {} }, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const page = await call(host, '/', { headers: { origin: 'http://127.0.0.2:80' } });
    expect(page.status).toBe(403);
  });

  it('turns malformed bodies into a validation error, not a crash', async () => {
    const reply = await call(host, '/api/rpc', { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{not json' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'request.unknownChannel' } });
    const huge = await call(host, '/api/rpc', {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
      body: 'x'.repeat(1024 * 1024 + 1),
    }).catch(() => ({ status: 413 }) as Reply);
    expect(huge.status).toBe(413);
  });

  it('serves the renderer with the strict CSP and falls back to index.html for screens', async () => {
    const index = await call(host, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    const script = await call(host, '/app.js');
    expect(script.headers['content-type']).toContain('text/javascript');
    const screen = await call(host, '/routes/5');
    expect(screen.body).toContain('<title>Обхід</title>');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fserver.test.ts']) {
      const reply = await call(host, path);
      expect(reply.body).not.toContain('root:');
      expect(reply.body).not.toContain('vitest');
    }
    expect((await call(host, '/%E0%A4%A')).status).toBe(400);
  });
});

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Envelope } from '../../../shared/contract/envelope';
import { errorMessage } from '../../../shared/i18n/errors';
import { asLocale } from '../../../shared/i18n/locales';
import type { Dispatch } from '../host-channels';
import { contentSecurityPolicy } from '../content-security-policy';

export interface WebHost {
  /** What to open in a browser: the token travels in the fragment, which no request or referrer carries. */
  url: string;
  origin: string;
  token: string;
  close: () => Promise<void>;
}

// Imports send whole files (a 200k-account CSV is some 30 MB as base64); the token guards the door.
const defaultMaxBody = 256 * 1024 * 1024;
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * "Browser mode": the same handlers the Electron shell serves, behind plain HTTP on 127.0.0.1.
 * Every API call needs this run's random token; a request from another host name or origin is
 * refused, so a web page elsewhere (or DNS rebinding) cannot drive the workstation.
 */
export async function startWebHost(options: {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
  maxBody?: number;
}): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  let allowedHosts = new Set<string>();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      else response.destroy();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const origin = request.headers.origin;
    if (!allowedHosts.has(request.headers.host ?? '') || (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '')))) {
      return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden: loopback only');
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/rpc') return rpc(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    return serveStatic(url.pathname, response);
  };

  const rpc = async (request: IncomingMessage, response: ServerResponse) => {
    const locale = asLocale(request.headers['accept-language']?.slice(0, 2));
    const presented = Buffer.from(request.headers.authorization ?? '');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return json(response, 401, {
        ok: false,
        error: { code: 'request.unauthorized', message: errorMessage('request.unauthorized', locale) },
      });
    }
    if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    const body = await readBody(request, options.maxBody ?? defaultMaxBody);
    if (body === null) return send(response, 413, 'text/plain; charset=utf-8', 'Request too large');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
    const { channel, input, locale: asked } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
    return json(response, 200, await options.dispatch(channel, input, asked ?? locale));
  };

  const serveStatic = async (pathname: string, response: ServerResponse) => {
    const root = normalize(options.staticDir);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'Bad request');
    }
    let file = normalize(join(root, decoded));
    if (!file.startsWith(root + sep) && file !== root) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    const info = await stat(file).catch(() => null);
    // Client-side screens have no file of their own: they all start from index.html.
    if (!info?.isFile()) file = join(root, 'index.html');
    const content = await readFile(file).catch(() => null);
    if (content === null) return send(response, 404, 'text/plain; charset=utf-8', 'Renderer not built: run npm run build');
    const type = types[extname(file)] ?? 'application/octet-stream';
    response.setHeader('Content-Security-Policy', contentSecurityPolicy);
    response.setHeader('Cache-Control', type.startsWith('text/html') ? 'no-store' : 'max-age=3600');
    return send(response, 200, type, content);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(request: IncomingMessage, maxBody: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  response.end(body);
}

const json = (response: ServerResponse, status: number, envelope: Envelope<unknown>) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(envelope));

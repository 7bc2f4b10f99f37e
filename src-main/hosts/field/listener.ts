import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { clientId, fieldJsonMaxBytes, fieldPhotoMaxBytes } from '../../../shared/contract/field';
import { errorMessage, type ErrorCode } from '../../../shared/i18n/errors';
import { asLocale, type Locale } from '../../../shared/i18n/locales';
import { imageKind } from '../../core/field/photos';
import type { FieldAnswer, FieldCaller, FieldService } from '../../core/field/service';
import type { HostLog } from '../logging';
import { caHeaders, certificatePage, certificatePagePolicy, requestedHost } from './certificate-page';
import { phoneContentSecurityPolicy, servePhoneApp } from './phone-app-files';
import { tokenBuckets, type Rate } from './rate-limit';
import { readCapped } from './request-body';

export interface FieldListenerOptions {
  /** The core's field service for the database now open; null while none is (recovery, a restore). */
  service: () => FieldService | null;
  /** The phone app as built (build/phone); while it is not built, its pages answer 404. */
  staticDir: string;
  /** The HTTPS port the phones use; 0 takes any free one (tests). */
  port: number;
  /** The plain-HTTP port that hands out the authority's certificate; by default the next one (any free one when `port` is 0). */
  caPort?: number;
  host?: string;
  /** The server's key and certificate chain, and the authority's certificate that /ca.pem serves. */
  tls: { key: string; cert: string; ca: string };
  log: Pick<HostLog, 'info' | 'error'>;
  /** Per client address: every request, and pairing attempts (a six-digit code must not be guessable by trying). */
  limits?: { all?: Rate; pairing?: Rate };
  now?: () => number;
}

export interface FieldListener {
  port: number;
  caPort: number;
  close: () => Promise<void>;
}

export const defaultLimits = { all: { perSecond: 30, burst: 120 }, pairing: { perSecond: 10 / 60, burst: 10 } } as const;

const imageTypes: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

const baseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(response: ServerResponse, status: number, headers: Record<string, string>, body?: Buffer | string) {
  response.writeHead(status, { ...baseHeaders, ...headers });
  response.end(body);
}

/** The phone's language by its first Accept-Language tag ("uk-UA,uk;q=0.9" → uk); Ukrainian when it is neither. */
export const localeOf = (request: IncomingMessage): Locale =>
  asLocale((request.headers['accept-language'] ?? '').split(',')[0]?.trim().slice(0, 2).toLowerCase());

/** The bearer token of `Authorization: Bearer <token>`, or null. */
const bearer = (request: IncomingMessage) => /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(request.headers.authorization ?? '')?.[1] ?? null;

const mediaType = (request: IncomingMessage) => (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const listen = (server: Server | HttpsServer, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

const shut = (server: Server | HttpsServer) =>
  new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });

/**
 * The field service's own listener on the branch's LAN: HTTPS with the local authority's
 * certificate, answering the phone's few requests (docs in shared/contract/field.ts), /ca.pem and
 * the phone app's files — nothing else, and nothing of the operator's channels. Each request is
 * rate-limited per address and its body capped while it is read, before the core sees any of it.
 * Beside it, on plain HTTP, the authority's certificate and a page on how to install it.
 */
export async function startFieldListener(options: FieldListenerOptions): Promise<FieldListener> {
  const host = options.host ?? '0.0.0.0';
  const { log } = options;
  const all = tokenBuckets(options.limits?.all ?? defaultLimits.all, options.now);
  const pairing = tokenBuckets(options.limits?.pairing ?? defaultLimits.pairing, options.now);
  const fingerprint = new X509Certificate(options.tls.ca).fingerprint256;
  let httpsPort = 0;

  const json = (response: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) =>
    send(
      response,
      status,
      { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
      JSON.stringify(value),
    );
  const refuse = (
    response: ServerResponse,
    status: number,
    code: ErrorCode,
    locale: Locale,
    params: Record<string, unknown> = {},
    extra: Record<string, string> = {},
  ) => json(response, status, { error: { code, message: errorMessage(code, locale, params) } }, extra);
  /** A body over its cap: the answer goes, and the connection with it, so the rest of the body is not waited for. */
  const tooLarge = (response: ServerResponse, locale: Locale, max: number) =>
    refuse(response, 413, 'field.tooLarge', locale, { max: Math.floor(max / 1024) }, { Connection: 'close' });
  const answer = <T>(response: ServerResponse, result: FieldAnswer<T>) =>
    result.ok ? json(response, 200, result.value) : json(response, result.status, { error: result.error });

  /** The request's bearer session; refused with 401 (and null back) when it has none or it was revoked. */
  const caller = (request: IncomingMessage, response: ServerResponse, service: FieldService, locale: Locale): FieldCaller | null => {
    const token = bearer(request);
    const found = token === null ? null : service.authenticate(token);
    if (!found) refuse(response, 401, 'field.unauthorized', locale, {}, { 'WWW-Authenticate': 'Bearer' });
    return found;
  };

  const jsonBody = async (request: IncomingMessage, response: ServerResponse, locale: Locale): Promise<{ body: unknown } | null> => {
    const bytes = await readCapped(request, fieldJsonMaxBytes);
    if (bytes === null) {
      tooLarge(response, locale, fieldJsonMaxBytes);
      return null;
    }
    try {
      return { body: JSON.parse(bytes.toString('utf8')) as unknown };
    } catch {
      refuse(response, 400, 'field.badJson', locale);
      return null;
    }
  };

  const api = async (request: IncomingMessage, response: ServerResponse, path: string, locale: Locale, address: string) => {
    const method = request.method ?? '';
    const photo = /^\/field\/photos\/([^/]+)$/.exec(path);
    const route =
      method === 'POST' && path === '/field/pair'
        ? 'pair'
        : method === 'GET' && path === '/field/plan'
          ? 'plan'
          : method === 'POST' && path === '/field/results'
            ? 'results'
            : method === 'POST' && path === '/field/sign-out'
              ? 'signOut'
              : method === 'PUT' && photo && clientId.safeParse(photo[1]).success
                ? 'photo'
                : null;
    if (route === null) return refuse(response, 404, 'field.notFound', locale);
    // The database may be closed for a restore at any moment: the service is asked for each step.
    const service = () => {
      const current = options.service();
      if (!current) refuse(response, 503, 'field.unavailable', locale, {}, { 'Retry-After': '30' });
      return current;
    };

    if (route === 'pair') {
      const wait = pairing.take(address);
      if (wait > 0) return refuse(response, 429, 'field.rateLimited', locale, { seconds: wait }, { 'Retry-After': String(wait) });
      if (!service()) return;
      const read = await jsonBody(request, response, locale);
      const now = read && service();
      if (read && now) answer(response, now.pair(read.body, locale));
      return;
    }
    const before = service();
    if (!before) return;
    const who = caller(request, response, before, locale);
    if (!who) return;
    if (route === 'plan') return answer(response, before.plan(who, locale));
    if (route === 'signOut') return answer(response, before.signOut(who));
    if (route === 'results') {
      const read = await jsonBody(request, response, locale);
      const now = read && service();
      if (read && now) answer(response, now.results(who, read.body, locale));
      return;
    }
    const type = mediaType(request);
    if (!imageTypes.includes(type)) return refuse(response, 415, 'field.notImage', locale);
    const bytes = await readCapped(request, fieldPhotoMaxBytes);
    if (bytes === null) return tooLarge(response, locale, fieldPhotoMaxBytes);
    // A file named image/jpeg must be one by its first bytes.
    if (imageKind(bytes)?.mime !== type) return refuse(response, 415, 'field.notImage', locale);
    const meta = { positionId: header(request, 'x-position-id'), takenAt: header(request, 'x-taken-at') };
    const now = service();
    if (now) answer(response, now.photo(who, photo![1]!, meta, bytes, locale));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const locale = localeOf(request);
    const address = request.socket.remoteAddress ?? '';
    const wait = all.take(address);
    if (wait > 0) return refuse(response, 429, 'field.rateLimited', locale, { seconds: wait }, { 'Retry-After': String(wait) });
    const { pathname } = new URL(request.url ?? '/', 'https://field.invalid');
    if (pathname.startsWith('/field/')) return api(request, response, pathname, locale, address);
    const reading = request.method === 'GET' || request.method === 'HEAD';
    if (reading && pathname === '/ca.pem') return send(response, 200, caHeaders, options.tls.ca);
    if (!reading || pathname === '/api' || pathname.startsWith('/api/')) {
      return send(response, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
    }
    response.setHeader('Content-Security-Policy', phoneContentSecurityPolicy);
    return servePhoneApp(options.staticDir, request, response, pathname, send);
  };

  /** The plain-HTTP side: the certificate and the page about it, nothing else. */
  const handleCertificate = (request: IncomingMessage, response: ServerResponse) => {
    const wait = all.take(request.socket.remoteAddress ?? '');
    if (wait > 0)
      return send(response, 429, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(wait) }, 'Too many requests');
    const { pathname } = new URL(request.url ?? '/', 'http://field.invalid');
    const reading = request.method === 'GET' || request.method === 'HEAD';
    if (reading && pathname === '/ca.pem') return send(response, 200, caHeaders, options.tls.ca);
    if (reading && pathname === '/') {
      const asked = requestedHost(request.headers.host);
      const page = certificatePage({ fingerprint, appUrl: asked ? `https://${asked}:${httpsPort}/` : null });
      return send(
        response,
        200,
        { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': certificatePagePolicy, 'Cache-Control': 'no-cache' },
        page,
      );
    }
    return send(response, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
  };

  const guarded =
    (handler: (request: IncomingMessage, response: ServerResponse) => Promise<void> | void) =>
    (request: IncomingMessage, response: ServerResponse) => {
      Promise.resolve()
        .then(() => handler(request, response))
        .catch((error: unknown) => {
          log.error(new Error(`field service: ${request.method} ${request.url} failed`, { cause: error }));
          if (response.headersSent) response.destroy();
          else refuse(response, 500, 'internal', localeOf(request), { detail: 'field service' });
        });
    };

  const https = createHttpsServer({ key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.2' }, guarded(handle));
  // A phone on a weak Wi-Fi signal may take a while over a photo, but not forever.
  https.requestTimeout = 60_000;
  const http = createHttpServer(guarded(handleCertificate));
  http.requestTimeout = 30_000;

  httpsPort = await listen(https, options.port, host);
  let caPort: number;
  try {
    caPort = await listen(http, options.caPort ?? (options.port === 0 ? 0 : options.port + 1), host);
  } catch (error) {
    await shut(https);
    throw error;
  }
  log.info(`field service listening on ${host}:${httpsPort} (HTTPS) and ${caPort} (the certificate)`);
  return {
    port: httpsPort,
    caPort,
    close: async () => {
      await Promise.all([shut(https), shut(http)]);
      log.info('field service stopped');
    },
  };
}

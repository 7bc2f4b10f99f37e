import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** The phone app's own policy: its scripts, styles and workers from itself, photos shown from blobs, nothing framed. */
export const phoneContentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths the app never serves a page for, even as a navigation: the API and what the operator's host answers. */
const reserved = /^\/(field|api)(\/|$)/;

/**
 * Vite names what it builds into assets/ by content, so those never change under their name; the
 * rest (index.html, sw.js, the manifest) is asked again every time, or a phone keeps an old app.
 */
const cacheControl = (path: string) => (path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');

export type Sender = (response: ServerResponse, status: number, headers: Record<string, string>, body?: Buffer | string) => void;

/**
 * GET and HEAD of the phone app's files from `root` (build/phone). A navigation to a path of the
 * app without a file of its own (/today) gets index.html; nothing outside `root`, no dotfile, and
 * no made-up page for /field or /api.
 */
export async function servePhoneApp(root: string, request: IncomingMessage, response: ServerResponse, pathname: string, send: Sender) {
  const base = normalize(root);
  const notFound = (text: string) => send(response, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, text);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return notFound('Not found');
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return notFound('Not found');
  let path = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  let file = normalize(join(base, path));
  if (!file.startsWith(base + sep)) return notFound('Not found');
  let info = await stat(file).catch(() => null);
  const navigation = extname(path) === '' && !reserved.test(path) && (request.headers.accept ?? '').includes('text/html');
  if (!info?.isFile() && navigation) {
    path = '/index.html';
    file = join(base, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    const built = await stat(join(base, 'index.html')).catch(() => null);
    return notFound(built ? 'Not found' : 'The phone app is not built (npm run build)');
  }
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': cacheControl(path),
    ETag: etag,
  };
  if (request.headers['if-none-match'] === etag) return send(response, 304, headers);
  if (request.method === 'HEAD') return send(response, 200, { ...headers, 'Content-Length': String(info.size) });
  return send(response, 200, headers, await readFile(file));
}

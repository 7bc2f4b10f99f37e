import type { IncomingMessage } from 'node:http';

/**
 * The request's body, or null once it is longer than `max`: a declared length over the cap is
 * refused before a byte is read, and a body that grows past it is dropped as it arrives — nothing
 * of it reaches the service.
 */
export function readCapped(request: IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (!over) reject(error);
    });
  });
}

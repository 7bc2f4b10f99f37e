// Draws the phone app's icons (a meter's dial on the brand blue) into src-phone/public: icon.svg
// and the PNGs the web manifest needs, 192 and 512 px. Plain Node (zlib for the PNG), no canvas:
//   node src-phone/tools/make-icons.mjs
// The dial stays inside the central 80 % circle, so the same PNGs serve as maskable icons.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const blue = [0x1c, 0x7e, 0xd6];
const white = [0xff, 0xff, 0xff];
const yellow = [0xff, 0xd4, 0x3b];

// The picture in a unit square, last shape on top.
const centre = { x: 0.5, y: 0.47 };
const ring = { outer: 0.3, inner: 0.245 };
const needleEnd = { x: centre.x + 0.2 * Math.cos(-0.9), y: centre.y + 0.2 * Math.sin(-0.9) };
const needleHalfWidth = 0.024;
const hub = 0.05;
const counter = { x0: 0.37, x1: 0.63, y0: 0.55, y1: 0.64, r: 0.02 };

function segmentDistance(px, py, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

function roundedRectContains(px, py, { x0, x1, y0, y1, r }) {
  const cx = Math.max(x0 + r, Math.min(x1 - r, px));
  const cy = Math.max(y0 + r, Math.min(y1 - r, py));
  return Math.hypot(px - cx, py - cy) <= r;
}

function colourAt(x, y) {
  const d = Math.hypot(x - centre.x, y - centre.y);
  if (roundedRectContains(x, y, counter)) return yellow;
  if (d <= hub || segmentDistance(x, y, centre, needleEnd) <= needleHalfWidth) return white;
  if (d <= ring.outer && d >= ring.inner) return white;
  return blue;
}

function png(size) {
  const samples = 4;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py += 1) {
    const row = py * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
        }
      }
      const at = row + 1 + px * 4;
      for (let i = 0; i < 3; i += 1) rows[at + i] = Math.round(sum[i] / (samples * samples));
      rows[at + 3] = 0xff;
    }
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const s = (v) => Math.round(v * 512 * 100) / 100;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="${hex(blue)}"/>
  <circle cx="${s(centre.x)}" cy="${s(centre.y)}" r="${s((ring.outer + ring.inner) / 2)}" fill="none" stroke="#fff" stroke-width="${s(ring.outer - ring.inner)}"/>
  <line x1="${s(centre.x)}" y1="${s(centre.y)}" x2="${s(needleEnd.x)}" y2="${s(needleEnd.y)}" stroke="#fff" stroke-width="${s(needleHalfWidth * 2)}" stroke-linecap="round"/>
  <circle cx="${s(centre.x)}" cy="${s(centre.y)}" r="${s(hub)}" fill="#fff"/>
  <rect x="${s(counter.x0)}" y="${s(counter.y0)}" width="${s(counter.x1 - counter.x0)}" height="${s(counter.y1 - counter.y0)}" rx="${s(counter.r)}" fill="${hex(yellow)}"/>
</svg>
`;

writeFileSync(join(out, 'icon.svg'), svg);
for (const size of [192, 512]) writeFileSync(join(out, `icon-${size}.png`), png(size));
console.log(`icons written to ${out}`);

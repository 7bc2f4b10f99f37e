import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { join } from 'node:path';
import { hashPassword } from '../core/auth/passwords';
import { entryStore } from '../core/entry/entry-store';
import { fieldServices } from '../core/field/index';
import { fieldPhotos } from '../core/field/photos';
import type { Db } from '../db/open';
import { fieldTls } from '../hosts/field/certificate-authority';
import { startFieldListener } from '../hosts/field/listener';
import { percentile, round, wholeJobRuns, type Figure } from './figures';

const results = 50;
/** What a phone sends after compressing a photo: just under its 300 KB. */
const photoBytes = 290 * 1024;
/** A JPEG by its first bytes; the rest noise, as a compressed photo is to the disk and the wire. */
const photo = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(photoBytes - 4)]);

interface Scene {
  positions: { id: number; pointId: number }[];
  login: string;
}

/** A controller's user for the executor of a task with 50 open positions, and those positions. */
function scene(db: Db): Scene {
  const task = db
    .prepare<[number], { id: number; executorId: number }>(
      `SELECT t.id, t.executor_id AS executorId FROM walk_tasks t
       WHERE t.executor_id IS NOT NULL AND (SELECT count(*) FROM task_positions tp WHERE tp.task_id = t.id AND tp.status = 'new') >= ?
       ORDER BY t.id LIMIT 1`,
    )
    .get(results);
  if (!task) throw new Error(`no task with ${results} open positions to send results for`);
  const login = 'bench-phone';
  db.prepare(
    `INSERT INTO users (login, full_name, role, password_hash, employee_id) VALUES (?, 'Benchmark', 'controller', ?, ?)
     ON CONFLICT (login) DO NOTHING`,
  ).run(login, hashPassword('bench-password'), task.executorId);
  const positions = db
    .prepare<[number, number], { id: number; pointId: number }>(
      "SELECT id, point_id AS pointId FROM task_positions WHERE task_id = ? AND status = 'new' ORDER BY seq LIMIT ?",
    )
    .all(task.id, results);
  return { positions, login };
}

function send(options: RequestOptions, body: Buffer | string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/**
 * One phone's day sent at once over the LAN: 50 photos of 290 KB (PUT, one after another, as the
 * phone's outbox sends them) and the 50 results naming them (one POST), over HTTPS to the field
 * listener on 127.0.0.1, each photo written as a file and every request audited. The median of
 * three days, each with its own client ids. Beside it, field.sync_50_raw_ms: the same files written
 * and the same rows inserted in one transaction, no HTTPS, no checks.
 */
export async function fieldSyncFigures(db: Db, dir: string, today: string): Promise<[Figure, Figure]> {
  const { positions, login } = scene(db);
  const photosDir = join(dir, 'photos');
  const service = fieldServices(db, {
    today: () => today,
    store: entryStore(db, { today: () => today }),
    photos: fieldPhotos(db, photosDir),
  });
  const tls = await fieldTls({ dir: join(dir, 'field'), names: ['127.0.0.1', 'localhost'] });
  const log = { info: () => {}, error: (error: unknown) => console.error(error) };
  const listener = await startFieldListener({
    service: () => service,
    staticDir: join(dir, 'no-phone-app'),
    port: 0,
    host: '127.0.0.1',
    tls: { key: tls.key, cert: tls.cert, ca: tls.caPem },
    log,
    // One phone sending its day as fast as it can: the limits guard against strangers, not this.
    limits: { all: { perSecond: 10_000, burst: 10_000 } },
  });
  const base = { host: '127.0.0.1', port: listener.port, ca: tls.caPem, servername: 'localhost', agent: false } as const;
  try {
    const { code } = db.transaction(() => service.createPairing('bench'))();
    const paired = await send(
      { ...base, method: 'POST', path: '/field/pair', headers: { 'Content-Type': 'application/json' } },
      JSON.stringify({ code, login, password: 'bench-password', device: 'bench' }),
    );
    if (paired.status !== 200) throw new Error(`pairing answered ${paired.status}: ${paired.text}`);
    const { token } = JSON.parse(paired.text) as { token: string };
    const photos = positions.map(() => photo());
    const takenAt = `${today}T10:00:00+02:00`;

    const times: number[] = [];
    for (let run = 0; run < wholeJobRuns; run++) {
      const ids = positions.map((_, index) => `bench-${run}-${index}-${randomBytes(4).toString('hex')}`);
      const started = performance.now();
      for (const [index, position] of positions.entries()) {
        const answer = await send(
          {
            ...base,
            method: 'PUT',
            path: `/field/photos/${ids[index]}`,
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'image/jpeg',
              'X-Position-Id': position.id,
              'X-Taken-At': takenAt,
            },
          },
          photos[index]!,
        );
        if (answer.status !== 200) throw new Error(`a photo answered ${answer.status}: ${answer.text}`);
      }
      const body = JSON.stringify({
        results: positions.map((position, index) => ({
          clientId: `${ids[index]}-r`,
          positionId: position.id,
          value: 1000 + index,
          reasonCode: null,
          takenAt,
          photoId: ids[index],
        })),
      });
      const answer = await send(
        {
          ...base,
          method: 'POST',
          path: '/field/results',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        },
        body,
      );
      if (answer.status !== 200) throw new Error(`the results answered ${answer.status}: ${answer.text}`);
      times.push(performance.now() - started);
    }

    const rawTimes: number[] = [];
    const insert = db.prepare(
      `INSERT INTO phone_results (client_id, session_id, sent_by, position_id, value, taken_at, taken_on, photo_client_id)
       VALUES (?, (SELECT max(id) FROM field_sessions), ?, ?, ?, ?, ?, ?)`,
    );
    const insertPhoto = db.prepare(
      "INSERT INTO photos (client_id, point_id, position_id, file, bytes, mime, taken_at, sent_by) VALUES (?, ?, ?, ?, ?, 'image/jpeg', ?, ?)",
    );
    const rawDir = join(dir, 'raw-photos');
    mkdirSync(rawDir, { recursive: true });
    for (let run = 0; run < wholeJobRuns; run++) {
      const started = performance.now();
      const files = positions.map((_, index) => {
        const file = join(rawDir, `raw-${run}-${index}.jpg`);
        writeFileSync(`${file}.part`, photos[index]!);
        renameSync(`${file}.part`, file);
        return file;
      });
      db.transaction(() => {
        positions.forEach((position, index) => {
          const id = `raw-${run}-${index}`;
          insertPhoto.run(id, position.pointId, position.id, files[index], photoBytes, takenAt, login);
          insert.run(`${id}-r`, login, position.id, 1000 + index, takenAt, today, id);
        });
      })();
      rawTimes.push(performance.now() - started);
    }
    const size = `${results} results with ${results} photos of ${photoBytes / 1024} KB`;
    return [
      {
        name: 'field.sync_50_ms',
        value: round(percentile(times, 50), 0),
        unit: 'ms',
        note: `median of ${wholeJobRuns}: one phone sending ${size} over HTTPS to the field listener (PUT each photo, one POST of the results), goal ≤ 2000`,
      },
      {
        name: 'field.sync_50_raw_ms',
        value: round(percentile(rawTimes, 50), 0),
        unit: 'ms',
        note: `median of ${wholeJobRuns}: the same ${results} files written and ${results * 2} rows inserted in one transaction, no HTTPS, no checks`,
      },
    ];
  } finally {
    await listener.close();
  }
}

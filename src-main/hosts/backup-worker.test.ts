import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleChildScript } from '../../tests/support/child-script';
import { inspectBackup } from '../db/backups';
import { openDatabase } from '../db/open';

const root = mkdtempSync(join(tmpdir(), 'obhid-backup-worker-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The worker as the hosts start it, on its own thread; its one message is null or what went wrong. */
const runWorker = (workerData: { source: string; target: string; photosMirroredIn: string | null }) =>
  new Promise<string | null>((resolve, reject) => {
    const worker = new Worker(bundleChildScript('src-main/hosts/backup-worker.ts'), { workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
  });

describe('the backup worker', () => {
  it('writes the copy, then tops up the photos mirror in the backups folder when given one', async () => {
    const source = join(root, 'obhid.sqlite');
    const db = openDatabase(source);
    db.exec("INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто')");
    db.close();
    mkdirSync(join(root, 'photos', '2026-11'), { recursive: true });
    writeFileSync(join(root, 'photos', '2026-11', 'a.jpg'), 'photo');
    const backups = join(root, 'backups');

    expect(await runWorker({ source, target: join(root, 'plain.sqlite'), photosMirroredIn: null })).toBeNull();
    expect(inspectBackup(join(root, 'plain.sqlite')).schema).toBeGreaterThan(0);
    expect(existsSync(join(backups, 'photos'))).toBe(false);

    mkdirSync(backups);
    expect(await runWorker({ source, target: join(backups, 'copy.sqlite'), photosMirroredIn: backups })).toBeNull();
    expect(readFileSync(join(backups, 'photos', '2026-11', 'a.jpg'), 'utf8')).toBe('photo');
  });
});

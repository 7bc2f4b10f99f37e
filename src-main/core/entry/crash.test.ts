import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { createSeededDatabase } from '../../seed/create-database';
import { createRandom } from '../../seed/random';
import { createCore } from '../app';
import { bundleChildScript } from '../../../tests/support/child-script';

const trials = 100;

describe('crash safety of confirmed readings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps every confirmed reading through ${trials} SIGKILLs at random moments`, async () => {
    const file = join(dir, 'district.sqlite');
    createSeededDatabase(file, { accounts: 400, seed: 11, asOf: '2026-10-01', commodity: 'gas' });
    const db = openDatabase(file);
    const core = createCore(db, { version: 'test', signedIn: { login: 'master', fullName: 'Майстер', role: 'master' } });
    const route = core.dispatch('routes.save', { number: 9999, name: 'Аварійний', sectionId: null, executorId: null }, 'uk');
    if (!route.ok) throw new Error(route.error.message);
    const routeId = (route.value as { id: number }).id;
    const assigned = core.dispatch(
      'routes.assign',
      { routeId, selector: { kind: 'settlement', settlementId: 1 }, confirmMove: true },
      'uk',
    );
    expect(assigned.ok).toBe(true);
    db.close();

    const writer = bundleChildScript('tests/support/crash-writer.ts');

    const random = createRandom(7);
    const confirmed: [number, number][] = [];
    for (let trial = 0; trial < trials; trial++) {
      const child = spawn(process.execPath, [writer, file, String(routeId), '2026-11-22'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      // The child takes some 250–400 ms to start on this machine before its first save: the kills
      // fall from its start-up to well into its saves, so that most land between two of them.
      await new Promise((wait) => setTimeout(wait, random.int(40, 500)));
      child.kill('SIGKILL');
      await exited;
      for (const line of out.split('\n').filter(Boolean)) {
        const [positionId, value] = line.split(' ').map(Number) as [number, number];
        confirmed.push([positionId, value]);
      }
    }

    const check = new Database(file);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = check.prepare<[number], { value: number }>('SELECT value FROM readings WHERE task_position_id = ?');
    const lost = confirmed.filter(([positionId, value]) => stored.get(positionId)?.value !== value);
    check.close();
    console.log(`crash safety: ${trials} SIGKILL trials, ${confirmed.length} confirmed readings, ${lost.length} lost`);
    expect(confirmed.length).toBeGreaterThan(trials);
    expect(lost).toEqual([]);
  }, 180_000);
});

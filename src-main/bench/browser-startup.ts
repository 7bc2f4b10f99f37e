import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { listBackups } from '../db/backups';
import { percentile, round, wholeJobRuns, type Figure } from './figures';
import { chromiumArgs, chromiumPath, startWebMain } from './web-process';

/**
 * From starting the host process to the first screen a user can act on: the sign-in form, shown
 * once the core has answered from the database and the renderer has drawn. Whatever the host runs
 * beside at start (integrity_check, the start copy unless nothing changed) runs as it would.
 */
export async function startupFigure(webMain: string, dbFile: string, backupsDir: string): Promise<Figure> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const times: number[] = [];
  const serving: number[] = [];
  const loaded: number[] = [];
  const answered: number[] = [];
  let scripts = { files: 0, bytes: 0 };
  const copiesBefore = listBackups(backupsDir).length;
  try {
    for (let run = 0; run < wholeJobRuns; run++) {
      const page = await browser.newPage();
      const started = performance.now();
      const host = startWebMain(webMain, dbFile);
      // What the sign-in form waited for: the scripts fetched before it and the answer to auth.status.
      const fetched = { files: 0, bytes: 0 };
      const sizes: Promise<unknown>[] = [];
      let statusAnswered = Number.NaN;
      page.on('requestfinished', (request) => {
        if (request.resourceType() === 'script') {
          fetched.files++;
          sizes.push(request.sizes().then((size) => (fetched.bytes += size.responseBodySize)));
        } else if (Number.isNaN(statusAnswered) && request.postData()?.includes('"auth.status"'))
          statusAnswered = performance.now() - started;
      });
      try {
        const url = await host.url;
        serving.push(performance.now() - started);
        await page.goto(url);
        loaded.push(performance.now() - started);
        await page.getByTestId('auth-form').waitFor({ timeout: 60_000 });
        times.push(performance.now() - started);
        answered.push(statusAnswered);
        await Promise.all(sizes);
        scripts = { ...fetched };
      } finally {
        await Promise.all([host.stop(), page.close()]);
      }
    }
  } finally {
    await browser.close();
  }
  const copies = listBackups(backupsDir).length - copiesBefore;
  return {
    name: 'startup.ready_ms',
    value: round(percentile(times, 50), 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: browser mode, host process start to the sign-in form drawn by Chromium: the host serving after ${round(percentile(serving, 50), 0)} ms, the page loaded (${scripts.files} scripts, ${Math.round(scripts.bytes / 1024)} KB) after ${round(percentile(loaded, 50), 0)} ms, auth.status answered after ${round(percentile(answered, 50), 0)} ms; integrity_check beside, ${copies} copies written at start and close (none when nothing changed)`,
  };
}

/**
 * The floor under startup.ready_ms: a bare Node process that opens the same database with
 * better-sqlite3 and answers the one query the sign-in form waits for (auth.status: are there
 * users), from spawning it to its answer on stdout.
 */
export async function startupRawFigure(dbFile: string, dir: string): Promise<Figure> {
  const script = join(dir, 'startup-raw.cjs');
  writeFileSync(
    script,
    `const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const db = new Database(process.argv[2], { fileMustExist: true });
console.log(db.prepare('SELECT count(*) AS n FROM users').get().n);`,
  );
  const times: number[] = [];
  for (let run = 0; run < wholeJobRuns; run++) {
    const started = performance.now();
    const child = spawn(process.execPath, [script, dbFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    const answer = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`startup raw: exited with ${code} before answering`)));
    });
    times.push(performance.now() - started);
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    if (!/^\d+$/.test(answer)) throw new Error(`startup raw: answered ${answer}`);
  }
  return {
    name: 'startup.raw_ms',
    value: round(percentile(times, 50), 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: a bare Node process opening the same database and answering one query (the users count auth.status reads)`,
  };
}

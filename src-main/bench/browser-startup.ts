import { chromium, type Browser, type Request } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { listBackups } from '../db/backups';
import { percentile, round, wholeJobRuns, type Figure } from './figures';
import { chromiumArgs, chromiumPath, startWebMain } from './web-process';

/** What one start took, in ms from spawning the process, and what the page fetched before its form. */
interface Start {
  serving: number;
  loaded: number;
  /** When the answer the form waits for came (auth.status, or the raw page's users count). */
  answered: number;
  ready: number;
  scripts: { files: number; bytes: number };
}

/**
 * One start timed: `script` spawned on the database (the host, or the raw page's server), the page
 * it serves opened in Chromium, until the sign-in form (`data-testid="auth-form"`) is drawn.
 */
async function timeStart(browser: Browser, script: string, dbFile: string, waitedFor: (request: Request) => boolean): Promise<Start> {
  const page = await browser.newPage();
  const started = performance.now();
  const host = startWebMain(script, dbFile);
  const scripts = { files: 0, bytes: 0 };
  const sizes: Promise<unknown>[] = [];
  let answered = Number.NaN;
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') {
      scripts.files++;
      sizes.push(request.sizes().then((size) => (scripts.bytes += size.responseBodySize)));
    } else if (Number.isNaN(answered) && waitedFor(request)) answered = performance.now() - started;
  });
  try {
    const url = await host.url;
    const serving = performance.now() - started;
    await page.goto(url);
    const loaded = performance.now() - started;
    await page.getByTestId('auth-form').waitFor({ timeout: 60_000 });
    const ready = performance.now() - started;
    await Promise.all(sizes);
    return { serving, loaded, answered, ready, scripts };
  } finally {
    await Promise.all([host.stop(), page.close()]);
  }
}

const medianOf = (starts: readonly Start[], part: Exclude<keyof Start, 'scripts'>) => {
  const times = starts.map((start) => start[part]);
  return round(percentile(times, 50), 0);
};

/**
 * From starting the host process to the first screen a user can act on: the sign-in form, shown
 * once the core has answered from the database and the renderer has drawn. Whatever the host runs
 * beside at start (integrity_check, the start copy unless nothing changed) runs as it would.
 *
 * Beside it, the floor any host with a page stands on: `startup.raw_page_ms`, a bare Node server
 * on the same database whose page fetches the users count and draws a plain form. The two are
 * started in turn, a host then a raw page, so a busy moment of the machine falls on both alike.
 */
export async function startupFigures(
  webMain: string,
  dbFile: string,
  backupsDir: string,
  dir: string,
): Promise<{ ready: Figure; rawPage: Figure }> {
  const rawPage = rawPageServer(dir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const hosts: Start[] = [];
  const raws: Start[] = [];
  const copiesBefore = listBackups(backupsDir).length;
  try {
    for (let run = 0; run < wholeJobRuns; run++) {
      hosts.push(await timeStart(browser, webMain, dbFile, (request) => request.postData()?.includes('"auth.status"') ?? false));
      raws.push(await timeStart(browser, rawPage, dbFile, (request) => new URL(request.url()).pathname === rawUsersPath));
    }
  } finally {
    await browser.close();
  }
  const copies = listBackups(backupsDir).length - copiesBefore;
  const scripts = hosts.at(-1)!.scripts;
  return {
    ready: {
      name: 'startup.ready_ms',
      value: medianOf(hosts, 'ready'),
      unit: 'ms',
      note: `median of ${wholeJobRuns}: browser mode, host process start to the sign-in form drawn by Chromium: the host serving after ${medianOf(hosts, 'serving')} ms, the page loaded (${scripts.files} scripts, ${Math.round(scripts.bytes / 1024)} KB) after ${medianOf(hosts, 'loaded')} ms, auth.status answered after ${medianOf(hosts, 'answered')} ms; integrity_check beside, ${copies} copies written at start and close (none when nothing changed)`,
    },
    rawPage: {
      name: 'startup.raw_page_ms',
      value: medianOf(raws, 'ready'),
      unit: 'ms',
      note: `median of ${wholeJobRuns}, started in turn with startup.ready_ms's runs and timed the same way: a bare Node process (node:http and better-sqlite3, nothing of ours) opening the same database and serving one small HTML page whose inline script fetches the users count from it over HTTP, then draws a plain sign-in form (login, password, button), from spawning it to that form drawn by the same headless Chromium: serving after ${medianOf(raws, 'serving')} ms, the page loaded after ${medianOf(raws, 'loaded')} ms, the count answered after ${medianOf(raws, 'answered')} ms. The floor of any host that opens the database and draws a page`,
    },
  };
}

/** Where the raw page asks for the users count. */
export const rawUsersPath = '/users';

/**
 * Writes the raw page's server into `dir` and returns its path. Started like the host (`--db FILE
 * --port 0`, the address printed once it serves), it answers `/users` with the count of users as
 * JSON and anything else with the page: an inline script that fetches the count, then draws the
 * form with the count on it, as the sign-in waits for auth.status before it draws.
 */
export function rawPageServer(dir: string): string {
  const script = join(dir, 'startup-raw-page.cjs');
  const page = `<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><title>Обхід</title></head>
<body><script>
fetch(${JSON.stringify(rawUsersPath)}).then((answer) => answer.json()).then(({ users }) => {
  if (!Number.isInteger(users)) return;
  document.body.innerHTML = '<form data-testid="auth-form" data-users="' + users + '">' +
    '<label>Логін <input name="login" autocomplete="username"></label>' +
    '<label>Пароль <input name="password" type="password" autocomplete="current-password"></label>' +
    '<button type="submit">Увійти</button></form>';
});
</script></body></html>`;
  writeFileSync(
    script,
    `const http = require('node:http');
const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const args = process.argv.slice(2);
const db = new Database(args[args.indexOf('--db') + 1], { fileMustExist: true });
const users = db.prepare('SELECT count(*) AS n FROM users');
const page = ${JSON.stringify(page)};
const server = http.createServer((request, response) => {
  if (request.url === ${JSON.stringify(rawUsersPath)}) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ users: users.get().n }));
  } else {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  }
});
server.listen(Number(args[args.indexOf('--port') + 1]), '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => {
  db.close();
  process.exit(0);
});
`,
  );
  return script;
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

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Debian's Chromium: Playwright cannot download its own browsers here. */
export const chromiumPath = process.env.OBHID_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Starts the browser-mode host on a database; `url` resolves as soon as it serves. */
export function startWebMain(webMain: string, dbFile: string, extraArgs: string[] = []) {
  const child = spawn(process.execPath, [webMain, '--db', dbFile, '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const found = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line);
      if (found?.[1]) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  /** Resolves once the host has gone, however early it exited. */
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { url, stop };
}

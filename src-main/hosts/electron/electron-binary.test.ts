import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinary, electronMissingMessage } from './electron-binary';

const executable = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform as string] ?? 'electron';

describe('finding the Electron binary for npm start', () => {
  const dirs: string[] = [];
  const saved = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    else process.env.ELECTRON_OVERRIDE_DIST_PATH = saved;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reports null where the download was skipped, and the message names browser mode', () => {
    const empty = mkdtempSync(join(tmpdir(), 'obhid-electron-'));
    dirs.push(empty);
    process.env.ELECTRON_OVERRIDE_DIST_PATH = empty;
    expect(electronBinary()).toBeNull();
    expect(electronMissingMessage).toContain('npm run web');
    expect(electronMissingMessage).toMatch(/Electron не встановлено/);
  });

  it('finds the executable where it is present', () => {
    const dist = mkdtempSync(join(tmpdir(), 'obhid-electron-'));
    dirs.push(dist);
    const binary = join(dist, executable);
    mkdirSync(dirname(binary), { recursive: true });
    writeFileSync(binary, '');
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
    expect(electronBinary()).toBe(binary);
  });
});

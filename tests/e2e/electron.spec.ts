import { _electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinary } from '../../src-main/hosts/electron/electron-binary';
import { electronAbsent as absent } from '../support/electron-absent';
import { FirstRunForm } from './pages/auth';

const binary = electronBinary();

/** The real shell: only where the Electron binary is installed; browser mode covers the UI elsewhere. */
test.describe('Electron shell', () => {
  test.skip(binary === null, absent);

  test('opens a secure window on a new, empty database at the first-start form and serves the contract over IPC', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'obhid-electron-'));
    const app = await _electron.launch({ executablePath: binary!, args: [resolve('.'), '--db', join(dir, 'obhid.sqlite')] });
    try {
      const window = await app.firstWindow();
      // A new machine: no demo data, the administrator's form first (answered over IPC by the core).
      await expect(new FirstRunForm(window).heading).toBeVisible({ timeout: 120_000 });
      const isolation = await window.evaluate(() => ({
        node: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: typeof (globalThis as { obhid?: unknown }).obhid,
      }));
      expect(isolation).toEqual({ node: 'undefined', process: 'undefined', bridge: 'object' });
      expect(await window.evaluate(() => location.protocol)).toBe('file:');
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

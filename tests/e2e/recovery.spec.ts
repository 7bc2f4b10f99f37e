import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebMain } from '../../src-main/bench/web-process';
import { backupName } from '../../src-main/db/backups';
import { openDatabase } from '../../src-main/db/open';
import { FirstRunForm } from './pages/auth';
import { RecoveryScreen } from './pages/recovery';

test('a database that cannot be opened starts in recovery and is restored from the newest backup by Enter', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-recovery-'));
  const dbFile = join(dir, 'obhid.sqlite');
  mkdirSync(join(dir, 'backups'));
  const good = openDatabase(join(dir, 'seed.sqlite'));
  good.exec("INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто')");
  await good.backup(join(dir, 'backups', backupName('close')));
  good.close();
  writeFileSync(dbFile, 'overwritten by a failing disk');

  const host = startWebMain(resolve('build/main/web-main.cjs'), dbFile);
  try {
    await page.goto(await host.url);
    const recovery = new RecoveryScreen(page);
    await expect(recovery.heading).toBeVisible();
    await expect(recovery.restoreNewest).toBeFocused();
    await page.keyboard.press('Enter');
    // The copy predates any user, so the first-run administrator form follows.
    await expect(new FirstRunForm(page).heading).toBeVisible();
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

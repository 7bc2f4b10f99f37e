import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebMain } from '../../src-main/bench/web-process';
import { demoTables } from '../../src-main/core/setup/demo-district';
import { FirstDataStep, FirstRunForm } from './pages/auth';
import { Workstation } from './pages/workstation';

const admin = { branchName: 'Бердичівський РЕМ', fullName: 'Савчук Оксана Миколаївна', login: 'savchuk', password: 'pershyi-start-1' };
const demoFile = resolve('build/demo/demo-district.sqlite');
// What the demo district fills, and the tasks nobody formed yet: all empty on a new installation.
const districtTables = [...demoTables, 'walk_tasks'];

const countsIn = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      districtTables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
};

/** A new installation: `npm run web -- --first-start` on a database file that does not exist yet. */
async function firstStart(page: Page, use: (dbFile: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-first-start-'));
  const dbFile = join(dir, 'obhid.sqlite');
  const host = startWebMain(resolve('build/main/web-demo.cjs'), dbFile, ['--first-start']);
  try {
    await page.goto(await host.url);
    const form = new FirstRunForm(page);
    await expect(form.heading).toBeVisible();
    await form.fill(admin);
    await expect(new FirstDataStep(page).heading).toBeVisible();
    await use(dbFile);
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a new installation starts empty: administrator, branch, and no demo row unless asked for', async ({ page }) => {
  await firstStart(page, async (dbFile) => {
    const step = new FirstDataStep(page);
    await expect(step.importChoice).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(step.laterChoice).toBeFocused();
    await page.keyboard.press('Enter');
    const workstation = new Workstation(page);
    await expect(workstation.homeCounts).toContainText(`${admin.branchName} · У базі: 0 о/р`);
    await expect(page.getByText('У базі ще немає абонентів.')).toBeVisible();

    expect(existsSync(demoFile), 'the demo district was there to choose').toBe(true);
    expect(
      Object.values(countsIn(dbFile)).every((n) => n === 0),
      JSON.stringify(countsIn(dbFile)),
    ).toBe(true);
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('SELECT login, full_name AS fullName, role FROM users').all()).toEqual([
      { login: admin.login, fullName: admin.fullName, role: 'admin' },
    ]);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'branch.name'").get()).toEqual({ value: admin.branchName });
    db.close();
  });
});

test('the demo district comes in only when the administrator chooses it', async ({ page }) => {
  await firstStart(page, async (dbFile) => {
    const step = new FirstDataStep(page);
    await page.keyboard.press('ArrowDown');
    await expect(step.demoChoice).toBeFocused();
    await page.keyboard.press('Enter');
    const demo = countsIn(demoFile);
    await expect(new Workstation(page).status).toContainText('Завантажено демонстраційний район');
    expect(demo.accounts).toBeGreaterThan(0);
    const loaded = countsIn(dbFile);
    for (const table of demoTables) expect(loaded[table], table).toBe(demo[table]);
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare("SELECT login, channel, entity FROM audit_log WHERE channel = 'demo.load'").all()).toEqual([
      { login: admin.login, channel: 'demo.load', entity: 'demo' },
    ]);
    db.close();
  });
});

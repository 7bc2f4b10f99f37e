import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Envelope } from '../../shared/contract/envelope';
import { e2eAdmin } from '../support/district';
import { WorkerDistricts, type DistrictHost } from '../support/district-host';
import { SignInForm } from './pages/auth';
import { Workstation } from './pages/workstation';

/** The sign-in form by keyboard: login, Tab, password, Enter. */
export async function signIn(page: Page, login: string, password: string) {
  await new SignInForm(page).signIn(login, password);
}

/** Read-only access to a district's database, to check what the UI claims. */
export function openDistrict(district: Pick<DistrictHost, 'dbFile'>) {
  return new Database(district.dbFile, { readonly: true, fileMustExist: true });
}

/**
 * Writes a hand-made case the demo district lacks (a gas point among electricity ones, a reading on
 * a chosen date) through a connection of its own, before the screen that meets it opens.
 */
export function arrange(district: Pick<DistrictHost, 'dbFile'>, sql: string, ...params: unknown[]) {
  const db = new Database(district.dbFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

interface TestFixtures {
  /** This spec file's own database and browser-mode host, shared by its tests in order. */
  district: DistrictHost;
  /** The workstation open and signed in on this file's district. */
  app: Page;
  /** The file's database, read-only. */
  db: Database.Database;
}

interface WorkerFixtures {
  districts: WorkerDistricts;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  districts: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none
    async ({}, use) => {
      const districts = new WorkerDistricts();
      await use(districts);
      await districts.close();
    },
    // Auto, so the last file's host is stopped when the worker ends, whichever test used it.
    { scope: 'worker', auto: true },
  ],
  district: async ({ districts }, use, testInfo) => {
    await use(await districts.for(testInfo.file));
  },
  app: async ({ page, district }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(district.url);
    // One workstation, one session: a test finds it signed in when the one before in its file left it so.
    const form = new SignInForm(page);
    const workstation = new Workstation(page);
    await expect(form.form.or(workstation.homeCounts)).toBeVisible();
    if (await form.form.isVisible()) await form.signIn(e2eAdmin.login, e2eAdmin.password);
    await expect(workstation.homeCounts).toBeVisible();
    await use(page);
    expect(problems, 'the page threw errors').toEqual([]);
  },
  db: async ({ district }, use) => {
    const db = openDistrict(district);
    await use(db);
    db.close();
  },
});

export { expect };

/** Calls the contract the way the renderer does, for setting a scene; the test then types like an operator. */
export async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ([channel, input]) => {
      const response = await fetch('/api/rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('obhid.token')}` },
        body: JSON.stringify({ channel, input, locale: 'uk' }),
      });
      return (await response.json()) as Envelope<unknown>;
    },
    [channel, input] as const,
  );
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
}

import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Envelope } from '../../shared/contract/envelope';
import { e2eAdmin } from '../support/district';

/** The sign-in form by keyboard: login, Tab, password, Enter. */
export async function signIn(page: Page, login: string, password: string) {
  await expect(page.getByLabel('Логін')).toBeFocused();
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/** Read-only access to the database the web host serves, to check what the UI claims. */
export function openDistrict() {
  const file = process.env.OBHID_E2E_DB;
  if (!file) throw new Error('OBHID_E2E_DB is not set: run through `npx playwright test` (global setup).');
  return new Database(file, { readonly: true, fileMustExist: true });
}

export const test = base.extend<{ app: Page; db: Database.Database }>({
  app: async ({ page }, use) => {
    const url = process.env.OBHID_E2E_URL;
    if (!url) throw new Error('OBHID_E2E_URL is not set: run through `npx playwright test` (global setup).');
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url);
    // One workstation, one session: a test finds it signed in when the one before left it so.
    const form = page.getByTestId('auth-form');
    await expect(form.or(page.getByTestId('home-counts'))).toBeVisible();
    if (await form.isVisible()) await signIn(page, e2eAdmin.login, e2eAdmin.password);
    await expect(page.getByTestId('home-counts')).toBeVisible();
    await use(page);
    expect(problems, 'the page threw errors').toEqual([]);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none
  db: async ({}, use) => {
    const db = openDistrict();
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

import { expect, type Page } from '@playwright/test';

/** What an operator does with the keyboard, named as they would say it. */
export class Operator {
  constructor(readonly page: Page) {}

  /** F10, then the menu path by arrows and Enter, as in the desktop programs it replaces. */
  async menu(top: string, item: string) {
    const { page } = this;
    await page.keyboard.press('F10');
    const target = page.getByRole('menuitem', { name: top, exact: true }).or(page.getByRole('button', { name: top, exact: true }));
    while (!(await target.first().evaluate((el) => el === document.activeElement))) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const wanted = page.getByRole('menuitem', { name: item, exact: true });
    await expect(wanted).toBeVisible();
    for (let i = 0; i < 20 && !(await wanted.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
    await expect(wanted).toBeFocused();
    await page.keyboard.press('Enter');
  }

  /** Type into the focused picker and take the first match with Tab, the way one fills a form. */
  async pick(text: string) {
    await this.page.keyboard.type(text);
    await expect(this.page.getByRole('option').first()).toBeVisible();
    await this.page.keyboard.press('Tab');
  }

  async type(text: string) {
    await this.page.keyboard.type(text);
  }

  async press(...keys: string[]) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  focused() {
    return this.page.locator(':focus');
  }
}

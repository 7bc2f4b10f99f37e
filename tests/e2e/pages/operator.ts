import { expect, type Locator, type Page } from '@playwright/test';

/** What an operator does with the keyboard, named as they would say it; the main menu is reached by F10. */
export class Operator {
  constructor(readonly page: Page) {}

  /** F10, then the menu path by arrows and Enter, as in the desktop programs it replaces. */
  async menu(top: string, item: string) {
    const { page } = this;
    await page.keyboard.press('F10');
    const target = page.getByRole('menuitem', { name: top, exact: true }).or(page.getByRole('button', { name: top, exact: true }));
    // F10 focuses the first menu of the bar; the arrows go round it until the wanted one has the focus.
    await expect(page.getByRole('menubar').locator(':focus')).toHaveCount(1);
    for (let i = 0; i < 10 && !(await isFocused(target.first())); i++) await page.keyboard.press('ArrowRight');
    await expect(target.first()).toBeFocused();
    await page.keyboard.press('Enter');
    const wanted = page.getByRole('menuitem', { name: item, exact: true });
    await expect(wanted).toBeVisible();
    for (let i = 0; i < 20 && !(await isFocused(wanted)); i++) await page.keyboard.press('ArrowDown');
    await expect(wanted).toBeFocused();
    await page.keyboard.press('Enter');
    // A screen's code may still be on its way (each is a chunk of its own): keys wait until it is drawn.
    await expect(page.getByTestId('screen-loading')).toHaveCount(0);
  }

  /**
   * Type into the focused picker and leave with Tab, the way one fills a form without looking; the
   * picker takes the first match, even one whose options arrive after the keys. Waits until it has.
   */
  async pick(text: string) {
    const { page } = this;
    const picker = page.locator(`[id="${await this.focused().getAttribute('id')}"]`);
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await expect(picker).toHaveValue(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
  }

  async type(text: string) {
    await this.page.keyboard.type(text);
  }

  async press(...keys: string[]) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Puts the focus on a control, as Tab would, and presses Enter on it. */
  async enterOn(control: Locator) {
    await control.focus();
    await this.page.keyboard.press('Enter');
  }

  focused() {
    return this.page.locator(':focus');
  }
}

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

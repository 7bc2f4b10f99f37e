import type { Page } from '@playwright/test';
import { Operator } from './operator';

/** What is on screen whatever the screen: the home counts, the user badge, the status line, dialogs and alerts. */
export class Workstation {
  readonly op: Operator;
  readonly homeCounts;
  readonly userBadge;
  /** The status line where screens report what they have done. */
  readonly status;
  /** Whichever dialog is open. */
  readonly dialog;
  /** An error shown in place, outside any dialog's own. */
  readonly alert;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.homeCounts = page.getByTestId('home-counts');
    this.userBadge = page.getByTestId('user-badge');
    this.status = page.getByTestId('status');
    this.dialog = page.getByRole('dialog');
    this.alert = page.getByRole('alert');
  }

  async signOut() {
    await this.op.enterOn(this.userBadge.getByRole('button', { name: 'Вийти' }));
  }

  /** Goes straight to a screen by its address, as a bookmark in browser mode would. */
  async goto(hash: string) {
    await this.page.evaluate((to) => (location.hash = to), hash);
  }
}

import type { Page } from '@playwright/test';

/** What a database that cannot be opened starts in: the offer to restore a backup. */
export class RecoveryScreen {
  readonly heading;
  /** The newest backup's restore button, which has the focus. */
  readonly restoreNewest;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Базу даних пошкоджено' });
    this.restoreNewest = page.getByRole('button', { name: /Відновити копію від/ });
  }
}

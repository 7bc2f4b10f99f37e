import type { Page } from '@playwright/test';

/** What a screen that failed to draw shows in its place, with the way back. */
export class ScreenError {
  readonly panel;
  readonly back;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('screen-error');
    this.back = this.panel.getByRole('button', { name: 'Повернутися' });
  }
}

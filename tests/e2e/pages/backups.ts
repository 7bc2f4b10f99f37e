import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Сервіс → Резервні копії: the copies, newest first; Insert makes one, Enter previews and restores. */
export class BackupsScreen {
  readonly op: Operator;
  readonly integrity;
  readonly table;
  /** The table's rows, its header first. */
  readonly rows;
  readonly preview;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.integrity = page.getByTestId('integrity');
    this.table = page.getByTestId('backups-table');
    this.rows = this.table.getByRole('row');
    this.preview = page.getByTestId('backup-preview');
  }

  /** From the menu; the integrity check starts on opening. */
  async open() {
    await this.op.menu('Сервіс', 'Резервні копії');
    await expect(this.integrity).toContainText(/integrity_check|триває/);
  }

  async backUpNow() {
    await this.op.press('Insert');
  }

  /** The newest copy's preview: into the table, Home, Enter. */
  async previewNewest() {
    await this.table.focus();
    await this.op.press('Home', 'Enter');
  }

  /** Enter in the preview restores it. */
  async restore() {
    await this.op.press('Enter');
  }
}

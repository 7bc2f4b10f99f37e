import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/**
 * Виконання завдань: one position at a time; the reading, Enter to the execute button, Enter to
 * save and move on. The operator types from the paper sheet without looking at the screen.
 */
export class ReadingEntry {
  readonly op: Operator;
  readonly value;
  /** "Позиція N з M" */
  readonly seq;
  readonly summary;
  readonly execute;
  readonly plausibility: PlausibilityDialog;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.value = page.getByTestId('entry-value');
    this.seq = page.getByTestId('entry-seq');
    this.summary = page.getByTestId('entry-summary');
    this.execute = page.getByTestId('entry-execute');
    this.plausibility = new PlausibilityDialog(page);
  }

  /** Straight to a task's entry by its address; it opens on the reading field. */
  async open(taskId: number) {
    await this.page.evaluate((id) => (location.hash = `#/entry/${id}`), taskId);
    await expect(this.value).toBeFocused();
  }

  /** A reading typed blind: the digits, Enter, Enter, at full keyboard speed. */
  async typeReading(value: number) {
    await this.page.keyboard.type(String(value));
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Enter');
  }

  /** F8, the reason typed until it is the one offered, Enter. */
  async notExecuted(reason: string) {
    await this.op.press('F8');
    await this.op.type(reason);
    await this.op.press('Enter');
  }
}

/** What entry asks when a reading looks wrong: Enter accepts, Esc goes back to the reading. */
export class PlausibilityDialog {
  readonly op: Operator;
  readonly dialog;
  /** The repeated reading, asked for one below the previous. */
  readonly repeat;
  /** Why the repeated reading was refused. */
  readonly error;
  private readonly body;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.dialog = page.getByRole('dialog');
    this.body = page.getByTestId('plausibility');
    this.repeat = page.getByLabel('Введіть показник ще раз');
    this.error = this.dialog.getByRole('alert');
  }

  /** The dialog listens once it has been on screen long enough to be read. */
  async answerable() {
    await expect(this.body).toHaveAttribute('data-armed', 'true');
  }

  /** The repeated reading, typed blind, and Enter. */
  async repeatReading(value: number) {
    await this.op.type(String(value));
    await this.op.press('Enter');
  }

  /** The repeated reading once more, the refused one cleared first. */
  async retypeReading(value: number) {
    await this.repeat.fill('');
    await this.repeatReading(value);
  }
}

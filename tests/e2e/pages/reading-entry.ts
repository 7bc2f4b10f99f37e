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
  /** What was lost when keys were typed into a question, once it is answered. */
  readonly halt;
  readonly date;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.value = page.getByTestId('entry-value');
    this.seq = page.getByTestId('entry-seq');
    this.summary = page.getByTestId('entry-summary');
    this.execute = page.getByTestId('entry-execute');
    this.plausibility = new PlausibilityDialog(page);
    this.halt = page.getByTestId('entry-halt');
    this.date = page.getByTestId('entry-date');
  }

  /** Straight to a task's entry by its address; it opens on the reading field. */
  async open(taskId: number) {
    await this.page.evaluate((id) => (location.hash = `#/entry/${id}`), taskId);
    await expect(this.value).toBeFocused();
  }

  /** A reading typed blind: the digits, Enter, Enter, at full keyboard speed or `pause` ms between keys. */
  async typeReading(value: number, pause = 0) {
    for (const key of [...String(value), 'Enter', 'Enter']) {
      await this.page.keyboard.press(key);
      if (pause > 0) await this.page.waitForTimeout(pause);
    }
  }

  /** The check date for the positions that follow, and back to Показник. */
  async setDate(typed: string) {
    await this.date.fill(typed);
    await this.value.focus();
  }

  /** The monthly maximum of one commodity, typed over, and back to Показник. */
  async setMax(commodity: 'electricity' | 'gas', max: number) {
    await this.page.getByTestId(`entry-max-${commodity}`).fill(String(max));
    await this.value.focus();
  }

  /**
   * A meter found replaced, from the sheet: Shift+F7 opens the findings on the new meter's number;
   * number, model, digits, its initial reading and the removed meter's final one, Tab between them,
   * Enter back to Показник.
   */
  async meterReplaced(meter: { serial: string; model: string; digits: number; initial: number; final: number }) {
    await this.op.press('Shift+F7');
    await expect(this.finding('serial')).toBeFocused();
    for (const [index, text] of [meter.serial, meter.model, meter.digits, meter.initial, meter.final].entries()) {
      if (index > 0) await this.op.press('Tab');
      await this.op.type(String(text));
    }
    await this.op.press('Enter');
    await expect(this.value).toBeFocused();
  }

  /** F7, the meter's state picked by arrows from «як у картці» (`steps` down the list), Enter back to Показник. */
  async meterCondition(steps: number) {
    await this.op.press('F7');
    await expect(this.finding('condition')).toBeFocused();
    for (let i = 0; i < steps; i++) await this.op.press('ArrowDown');
    await this.op.press('Enter');
    await expect(this.value).toBeFocused();
  }

  /** A field of the findings panel. */
  finding(field: string) {
    return this.page.locator(`[data-finding="${field}"]`);
  }

  /** F8, the reason typed until it is the one offered, Enter. */
  async notExecuted(reason: string) {
    await this.op.press('F8');
    await this.op.type(reason);
    await this.op.press('Enter');
  }
}

/**
 * What entry asks when a reading looks wrong. Only its own keys answer it: F2 accepts (or, for a
 * reading below the previous one, opens the re-type field), F4 re-types, Esc goes back.
 */
export class PlausibilityDialog {
  readonly op: Operator;
  readonly dialog;
  /** The repeated reading, asked for one below the previous. */
  readonly repeat;
  /** Why the repeated reading was refused. */
  readonly error;
  /** "не прийнято показників після позиції …": what blind typing into the question lost. */
  readonly halt;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.dialog = page.getByRole('dialog');
    this.repeat = page.getByLabel('Введіть показник ще раз');
    this.error = this.dialog.getByRole('alert');
    this.halt = page.getByTestId('plausibility-halt');
  }

  async accept() {
    await this.op.press('F2');
  }

  /** The repeated reading, typed blind, and Enter. */
  async repeatReading(value: number | string) {
    await this.op.type(String(value));
    await this.op.press('Enter');
  }

  /** The repeated reading once more, the refused one cleared first. */
  async retypeReading(value: number | string) {
    await this.repeat.fill('');
    await this.repeatReading(value);
  }
}

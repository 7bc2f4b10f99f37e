import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** What a crew wrote on the act; the date stays the one the form opens with (today). */
export interface Act {
  time: string;
  /** Part of the executor's name, as typed into the picker. */
  executor: string;
  seal: string;
  reading: number;
}

/**
 * The act of a cut-off or a reconnection, by keyboard: the form opens on its date (today, filled
 * in), Tab to the time (selected, so typing replaces it), Tab to the executor picked by name, the
 * seal, the reading; Enter saves.
 */
export async function fillAct(page: Page, dateLabel: string, act: Act) {
  const op = new Operator(page);
  await expect(page.getByRole('dialog').getByLabel(dateLabel)).toBeFocused();
  await op.press('Tab');
  await expect(page.getByRole('dialog').getByLabel('Час')).toBeFocused();
  await op.type(act.time);
  await op.press('Tab');
  await op.pick(act.executor);
  await op.type(act.seal);
  await op.press('Tab');
  await op.type(String(act.reading));
  await op.press('Enter');
}

/** Робота з абонентом → Формування нарядів на відключення: the route, the criterion, F9. */
export class OrderForming {
  readonly op: Operator;
  readonly route;
  readonly date;
  readonly openOrder;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.route = page.getByTestId('assign-route');
    this.date = page.getByLabel('Дата наряду');
    this.openOrder = page.getByRole('button', { name: 'Відкрити наряд' });
  }

  /** From the menu the screen opens on its route picker. */
  async open() {
    await this.op.menu('Робота з абонентом', 'Формування нарядів на відключення');
    await expect(this.route).toBeFocused();
  }

  /**
   * The route typed as the list shows it and taken with Enter; Tab to the date (today stays), Tab
   * to the criterion, where the arrows would choose another: issued warnings past their cut-off
   * date is the first and already chosen. F9 forms.
   */
  async formByWarnings(route: { number: number; name: string }) {
    await this.op.type(`${route.number} — ${route.name}`);
    await this.op.press('Enter');
    await this.op.press('Tab');
    await expect(this.date).toBeFocused();
    await this.op.press('Tab');
    const criterion = this.page.getByRole('radio', { name: 'Видані попередження, найраніша дата відключення минула' });
    await expect(criterion).toBeFocused();
    await expect(criterion).toBeChecked();
    await this.op.press('F9');
  }

  /** Once formed, the focus is on "Відкрити наряд": Enter opens it. */
  async openFormed() {
    await expect(this.openOrder).toBeFocused();
    await this.op.press('Enter');
  }
}

/** Робота з абонентом → Наряди на відключення: the register; Enter opens the active order. */
export class OrdersRegister {
  readonly op: Operator;
  readonly table;
  /** The table's rows, its header first. */
  readonly rows;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.table = page.getByTestId('orders-table');
    this.rows = this.table.getByRole('row');
  }

  async open() {
    await this.op.menu('Робота з абонентом', 'Наряди на відключення');
    // The first page read: keys typed next act on its rows, not on an empty table.
    await expect(this.table).toHaveAttribute('aria-busy', 'false');
  }

  /** The first order (the newest) opened with Enter. */
  async openFirst() {
    await this.table.focus();
    await this.op.press('Enter');
  }
}

/**
 * One order's positions: ↑↓ move, F4 records the cut-off of the active one, F8 that it was not
 * done, F6 forms the reconnection of a point cut off.
 */
export class OrderSheet {
  readonly op: Operator;
  readonly table;
  /** The positions' rows, the header first. */
  readonly rows;
  readonly status;
  readonly dialog;
  /** Today's debt, as the cut-off form shows it before the act is typed. */
  readonly debtNow;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.table = page.getByTestId('order-positions');
    this.rows = this.table.getByRole('row');
    this.status = page.getByTestId('order-status');
    this.dialog = page.getByRole('dialog');
    this.debtNow = this.dialog.getByTestId('debt-now');
  }

  /** Ctrl+S, and the crew's sheet as the PDF it downloads. */
  async savePdf() {
    const download = this.page.waitForEvent('download');
    await this.op.press('Control+s');
    return download;
  }

  /** The focus into the positions, on the active one (the first until the arrows move it). */
  async focus() {
    await this.table.focus();
  }

  async next() {
    await this.op.press('ArrowDown');
  }

  /** F4 opens the act of the cut-off on the active position. */
  async openCutoff() {
    await this.op.press('F4');
    await expect(this.dialog.getByLabel('Дата відключення')).toBeFocused();
  }

  /** The act typed and saved (the form must be open: see openCutoff). */
  async recordCutoff(act: Act) {
    await fillAct(this.page, 'Дата відключення', act);
  }

  /**
   * F8 opens the form on «Немає доступу»; ↓ as many times as the reason is below it, Tab to the
   * note, the note typed (required for «Інше»), Enter saves.
   */
  async recordNotDone(steps: number, note: string) {
    await this.op.press('F8');
    await expect(this.page.getByRole('radio', { name: 'Немає доступу' })).toBeFocused();
    for (let i = 0; i < steps; i++) await this.op.press('ArrowDown');
    await this.op.press('Tab');
    await this.op.type(note);
    await this.op.press('Enter');
  }

  /** F6 on a point cut off: the reconnection by the operator's decision, its grounds in the note. */
  async formReconnectionByOperator(note: string) {
    await this.op.press('F6');
    await formReconnectionByOperator(this.page, note);
  }
}

/** The reconnection form (from an order or the account card): ↓ from «Борг сплачено» to «Рішення оператора», Tab, the note, Enter. */
export async function formReconnectionByOperator(page: Page, note: string) {
  const op = new Operator(page);
  await expect(page.getByRole('radio', { name: 'Борг сплачено' })).toBeFocused();
  await op.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Рішення оператора' })).toBeChecked();
  await op.press('Tab');
  await op.type(note);
  await op.press('Enter');
}

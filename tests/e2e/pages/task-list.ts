import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Завдання на обхід: the tasks, newest date first; Delete asks, Enter confirms. */
export class TaskList {
  readonly op: Operator;
  readonly table;
  /** The table's rows, its header first. */
  readonly rows;
  readonly confirm;
  /** Why a task was not deleted. */
  readonly refusal;
  readonly dateFrom;
  readonly dateTo;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.table = page.getByTestId('tasks-table');
    this.rows = this.table.getByRole('row');
    this.confirm = page.getByRole('dialog');
    this.refusal = page.getByRole('alert');
    this.dateFrom = page.getByLabel('Дата з');
    this.dateTo = page.getByLabel('по', { exact: true });
  }

  /** The list from one date to another, both typed as the operator writes them (24.11.2026). */
  async between(from: string, to: string) {
    await this.dateFrom.focus();
    await expect(this.dateFrom).toBeFocused();
    await this.op.type(from);
    await this.op.press('Tab');
    await this.op.type(to);
    await this.op.press('Tab');
    // What the fields took, so a lost key fails here, by name, rather than as a wrong row count.
    await expect(this.dateFrom).toHaveValue(from);
    await expect(this.dateTo).toHaveValue(to);
  }

  /** The list is on both menus: "Робота з абонентом" (to work on) and "Звіти" (to look up). */
  async open(from: 'Робота з абонентом' | 'Звіти' = 'Робота з абонентом') {
    await this.op.menu(from, 'Завдання на обхід');
    // The first page read and drawn: the screen has settled before anything is typed into its
    // filters, and Enter on the table has a row to open.
    await expect(this.table).toHaveAttribute('aria-busy', 'false');
  }

  /** A route's tasks, by the route as the list names it. */
  rowFor(route: { number: number; name: string }) {
    return this.rows.filter({ hasText: `№ ${route.number} — ${route.name}` }).first();
  }

  /** The focus into the table, on its selected row. */
  async focus() {
    await this.table.focus();
  }
}

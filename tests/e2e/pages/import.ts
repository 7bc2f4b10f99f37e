import { expect, type Page } from '@playwright/test';
import { formatAmount, formatDate } from '../../../shared/i18n/format';
import { Operator } from './operator';

export type ImportKind = 'Абоненти, точки, лічильники' | 'Оплати';

/** Сервіс → Імпорт: the kind, the file, the column mapping; "Імпортувати" runs it. */
export class ImportScreen {
  readonly op: Operator;
  readonly file;
  readonly mapping;
  readonly run;
  readonly problems;
  /** The problems table's rows, its header first. */
  readonly problemRows;
  readonly result;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.file = page.locator('input[type=file]');
    this.mapping = page.getByTestId('import-mapping');
    this.run = page.getByRole('button', { name: 'Імпортувати' });
    this.problems = page.getByTestId('import-problems');
    this.problemRows = this.problems.getByRole('row');
    this.result = page.getByTestId('import-result');
  }

  async open() {
    await this.page.evaluate(() => (location.hash = '#/import'));
  }

  kind(name: ImportKind) {
    return this.page.getByRole('radio', { name });
  }

  /** The field a column is mapped to, by the field's label. */
  mapped(field: string) {
    return this.mapping.getByLabel(field);
  }

  /** "Рядків у файлі: N", once the file has been read. */
  rowsInFile(rows: number) {
    return this.page.getByText(`Рядків у файлі: ${rows}`);
  }

  /** Kinds are radios: the focus on the first, then as many right arrows as it takes. */
  async chooseKind(steps: number) {
    await this.kind('Абоненти, точки, лічильники').focus();
    for (let i = 0; i < steps; i++) await this.op.press('ArrowRight');
  }

  async choose(file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.file.setInputFiles(file);
  }

  async importFile() {
    await this.op.enterOn(this.run);
  }

  /**
   * One payment, as the bank's file comes through the billing system: the payments kind chosen,
   * the file given, its columns mapped as the screen reads them, imported.
   */
  async importPayment(payment: { accountNumber: string; paidOn: string; amountKop: number; source: string }) {
    await this.open();
    await this.chooseKind(2);
    await this.choose({
      name: 'oplaty.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `О/р;Дата оплати;Сума;Джерело\r\n${payment.accountNumber};${formatDate(payment.paidOn, 'uk')};${formatAmount(payment.amountKop, 'uk')};${payment.source}\r\n`,
      ),
    });
    await expect(this.mapped('Сума, грн')).toHaveValue('3. Сума');
    await this.importFile();
  }
}

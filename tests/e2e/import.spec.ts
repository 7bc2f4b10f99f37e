import { expect, test } from './fixtures';

const header = 'О/р;ПІБ;Телефон;Населений пункт;Тип НП;Вулиця;Тип вулиці;Будинок;Квартира;Вид;Лічильник;Модель;Розрядність;Повірка';
const rows = [
  '9100001;Гуменюк Марія Іванівна;0671234567;Коростишів;місто;Імпортна;вул.;1;;електроенергія;IMP-1;NIK 2303;6;01.02.2031',
  '9100002;Вовк Петро Олегович;;Коростишів;місто;Імпортна;вул.;2а;;газ;IMP-2;Elster BK-G4;5;2030-12-31',
];
const csv = (lines: string[]) => ({
  name: 'abonenty.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}`, 'utf8'),
});

test('accounts are imported from CSV: a bad row stops the whole file, a good file goes in once', async ({ app, db }) => {
  const accounts = () => (db.prepare("SELECT count(*) AS n FROM accounts WHERE number LIKE '91000%'").get() as { n: number }).n;
  await app.evaluate(() => (location.hash = '#/import'));
  const input = app.locator('input[type=file]');

  await input.setInputFiles(csv([...rows, '9100003;Без адреси;;Коростишів;місто;Імпортна;вул.;дванадцять;;електроенергія;;;;']));
  await expect(app.getByText('Рядків у файлі: 3')).toBeVisible();
  await expect(app.getByTestId('import-mapping').getByLabel('Номер о/р')).toHaveValue('1. О/р');
  await app.getByRole('button', { name: 'Імпортувати' }).focus();
  await app.keyboard.press('Enter');
  const problems = app.getByTestId('import-problems');
  await expect(problems).toContainText('Нічого не записано: помилок у файлі — 1.');
  await expect(problems.getByRole('row').nth(1)).toContainText('4Будинокдванадцятьномер будинку на зразок 12, 12а, 12/1');
  expect(accounts()).toBe(0);

  await input.setInputFiles(csv(rows));
  await expect(app.getByText('Рядків у файлі: 2')).toBeVisible();
  await app.getByRole('button', { name: 'Імпортувати' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('import-result')).toHaveText('Рядків: 2; створено 2, оновлено 0, без змін 0.');
  expect(accounts()).toBe(2);

  await input.setInputFiles(csv(rows));
  await app.getByRole('button', { name: 'Імпортувати' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('import-result')).toHaveText('Рядків: 2; створено 0, оновлено 0, без змін 2.');
  expect(accounts()).toBe(2);
});

test('payments are imported once, matched to accounts by number', async ({ app, db }) => {
  const account = db.prepare<[], { number: string }>('SELECT number FROM accounts ORDER BY id LIMIT 1').get()!;
  const payments = () => (db.prepare("SELECT count(*) AS n FROM payments WHERE source = 'e2e-банк'").get() as { n: number }).n;
  await app.evaluate(() => (location.hash = '#/import'));
  await app.getByRole('radio', { name: 'Абоненти, точки, лічильники' }).focus();
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('ArrowRight');
  await expect(app.getByRole('radio', { name: 'Оплати' })).toBeChecked();
  const file = {
    name: 'oplaty.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`О/р;Дата оплати;Сума;Джерело\r\n${account.number};21.11.2026;512,40;e2e-банк\r\n`, 'utf8'),
  };
  for (const expected of ['створено 1, оновлено 0, без змін 0', 'створено 0, оновлено 0, без змін 1']) {
    await app.locator('input[type=file]').setInputFiles(file);
    await expect(app.getByTestId('import-mapping').getByLabel('Дата оплати')).toHaveValue('2. Дата оплати');
    await app.getByRole('button', { name: 'Імпортувати' }).focus();
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('import-result')).toContainText(expected);
  }
  expect(payments()).toBe(1);
});

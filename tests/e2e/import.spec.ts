import { expect, test } from './fixtures';
import { ImportScreen } from './pages/import';

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
  const screen = new ImportScreen(app);
  await screen.open();

  await screen.choose(csv([...rows, '9100003;Без адреси;;Коростишів;місто;Імпортна;вул.;дванадцять;;електроенергія;;;;']));
  await expect(screen.rowsInFile(3)).toBeVisible();
  await expect(screen.mapped('Номер о/р')).toHaveValue('1. О/р');
  await screen.importFile();
  await expect(screen.problems).toContainText('Нічого не записано: помилок у файлі — 1.');
  await expect(screen.problemRows.nth(1)).toContainText('4Будинокдванадцятьномер будинку на зразок 12, 12а, 12/1');
  expect(accounts()).toBe(0);

  await screen.choose(csv(rows));
  await expect(screen.rowsInFile(2)).toBeVisible();
  await screen.importFile();
  await expect(screen.result).toHaveText('Рядків: 2; створено 2, оновлено 0, без змін 0.');
  expect(accounts()).toBe(2);

  await screen.choose(csv(rows));
  await screen.importFile();
  await expect(screen.result).toHaveText('Рядків: 2; створено 0, оновлено 0, без змін 2.');
  expect(accounts()).toBe(2);
});

test('payments are imported once, matched to accounts by number', async ({ app, db }) => {
  const account = db.prepare<[], { number: string }>('SELECT number FROM accounts ORDER BY id LIMIT 1').get()!;
  const payments = () => (db.prepare("SELECT count(*) AS n FROM payments WHERE source = 'e2e-банк'").get() as { n: number }).n;
  const screen = new ImportScreen(app);
  await screen.open();
  await screen.chooseKind(2);
  await expect(screen.kind('Оплати')).toBeChecked();
  const file = {
    name: 'oplaty.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`О/р;Дата оплати;Сума;Джерело\r\n${account.number};21.11.2026;512,40;e2e-банк\r\n`, 'utf8'),
  };
  for (const expected of ['створено 1, оновлено 0, без змін 0', 'створено 0, оновлено 0, без змін 1']) {
    await screen.choose(file);
    await expect(screen.mapped('Дата оплати')).toHaveValue('2. Дата оплати');
    await screen.importFile();
    await expect(screen.result).toContainText(expected);
  }
  expect(payments()).toBe(1);
});

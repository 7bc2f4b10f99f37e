import { accountImportFields } from '../../shared/contract/exchange';
import { accountsFileHeader } from './billing-files';
import type { testDistrict } from './test-district';

/**
 * Addresses and names at the letters character codes put in the wrong place (Г/Ґ, Е/Є, И/І/Ї/Й —
 * Є, І, Ї sort first by code and Ґ last), with apostrophes and mixed case, imported the way a
 * branch gets them: through the billing system's accounts file. All of it lies in смт Іванків.
 */
const settlement = 'Іванків';
const row = (number: string, name: string, street: string, house: string, apartment = '', kind = 'вул.') => [
  number,
  name,
  '',
  settlement,
  'смт',
  street,
  kind,
  house,
  apartment,
  'електроенергія',
  '',
  '',
  '',
  '',
];
const rows = [
  // One street with every boundary name on it, house numbers with boundary letters and apartments.
  row('7001', 'Марченко Ірина Олегівна', 'Гоголя', '10є'),
  row('7002', "Мар'яненко Олег Петрович", 'Гоголя', '10/1'),
  row('7003', 'Ґудзь Петро Іванович', 'Гоголя', '10ґ'),
  row('7004', 'Гнатюк Ольга Василівна', 'Гоголя', '10'),
  row('7005', 'Єременко Віра Іванівна', 'Гоголя', '10д'),
  row('7006', 'Еллер Ганна Павлівна', 'Гоголя', '10а'),
  row('7007', 'Їжак Марко Ілліч', 'Гоголя', '10ї'),
  row('7008', 'Іваненко Тарас Іванович', 'Гоголя', '10і'),
  row('7009', 'Йовенко Дарина Юріївна', 'Гоголя', '10й'),
  row('7010', 'Иванюк Ілля Петрович', 'Гоголя', '10г'),
  row('7011', 'ЯРЕМЧУК НІНА', 'Гоголя', '2', '10'),
  row('7012', 'яремчук ніна', 'Гоголя', '2', '2'),
  row('7013', 'Марʼяненко Ірина Олегівна', 'Гоголя', '2', '1'),
  row('7014', 'Бондар Ярослав Ігорович', 'Гоголя', '2', '2а'),
  row('7015', 'Андрієнко Лідія Семенівна', 'Гоголя', '2', '10/1'),
  // One house on each of the other streets: streets of one name stand together, by type.
  row('7101', 'Ткачук Оксана', 'Ґонти', '1'),
  row('7102', 'Ткачук Оксана', 'Європейська', '1'),
  row('7103', 'Ткачук Оксана', 'Енергетиків', '1'),
  row('7104', 'Ткачук Оксана', 'Івана Франка', '1'),
  row('7105', 'Ткачук Оксана', 'Їжакевича', '1'),
  row('7106', 'Ткачук Оксана', 'Йосипа Сліпого', '1'),
  row('7107', 'Ткачук Оксана', 'Шевченка', '1', '', 'пров.'),
  row('7108', 'Ткачук Оксана', 'Шевченка-Бічна', '1'),
  row('7109', 'Ткачук Оксана', 'Шевченка', '1'),
  row('7110', 'Ткачук Оксана', 'Иржавецька', '1'),
];

/** Names as Intl.Collator('uk') orders them; the tests check Intl agrees, then that SQL does. */
export const ukrainianOrder = {
  settlement,
  /** The settlements of the test district with Іванків and the three more the tests add. */
  settlements: ['Вільшанка', 'Гнідин', 'Ґалаґани', 'Економія', 'Єрки', 'Іванків', 'Їжакевичі', 'Йосипівка', 'Коростишів'],
  streets: [
    'вул. Гоголя',
    'вул. Ґонти',
    'вул. Енергетиків',
    'вул. Європейська',
    'вул. Иржавецька',
    'вул. Івана Франка',
    'вул. Їжакевича',
    'вул. Йосипа Сліпого',
    'вул. Шевченка',
    'пров. Шевченка',
    'вул. Шевченка-Бічна',
  ],
  housesOfGogolya: ['2', '10', '10а', '10г', '10ґ', '10д', '10є', '10і', '10ї', '10й', '10/1'],
  apartmentsOfGogolya2: ['1', '2', '2а', '10', '10/1'],
  namesOnGogolya: [
    'Андрієнко Лідія Семенівна',
    'Бондар Ярослав Ігорович',
    'Гнатюк Ольга Василівна',
    'Ґудзь Петро Іванович',
    'Еллер Ганна Павлівна',
    'Єременко Віра Іванівна',
    'Иванюк Ілля Петрович',
    'Іваненко Тарас Іванович',
    'Їжак Марко Ілліч',
    'Йовенко Дарина Юріївна',
    'Марченко Ірина Олегівна',
    // The apostrophe does not count, whichever its spelling: Маряненко Ірина, Маряненко Олег.
    'Марʼяненко Ірина Олегівна',
    "Мар'яненко Олег Петрович",
    'яремчук ніна',
    'ЯРЕМЧУК НІНА',
  ],
};

/** Imports the rows above into a test district, as the import screen would. */
export function importUkrainianOrder(d: ReturnType<typeof testDistrict>) {
  const mapping = Object.fromEntries(accountImportFields.map((field, index) => [field, index]));
  return d.importFile('accounts', { header: accountsFileHeader, rows, mapping });
}

const intl = new Intl.Collator('uk');
const withoutApostrophes = (text: string) => text.replace(/['’ʼ]/g, '');
/** Intl.Collator('uk') with the apostrophe not counted, as Ukrainian alphabetical order has it (see ukSortKey). */
export const ukrainianCompare = (a: string, b: string) => intl.compare(withoutApostrophes(a), withoutApostrophes(b));

import { execFileSync } from 'node:child_process';
import { ukSortKey } from '../../src-main/core/collation/uk-sort-key';
import { accountsFileHeader } from '../support/billing-files';
import { ukrainianCompare } from '../support/ukrainian-order';
import { expect, rpc, test } from './fixtures';
import { AddressesScreen } from './pages/addresses';
import { ImportScreen } from './pages/import';
import { RouteSheet } from './pages/route-sheet';
import { TaskForming } from './pages/task-forming';
import { Workstation } from './pages/workstation';

test('settlements, streets and houses typed in any order are listed in Ukrainian alphabetical order', async ({ app, db }) => {
  const screen = new AddressesScreen(app);
  await screen.open();
  // Character codes would put Є, І, Ї before А and Ґ after Я.
  const added = ['Єрки', 'Ґалаґани', 'Їжакевичі', 'Гнідин', 'Економія', 'Іванків', 'Иржавець'];
  for (const name of added) await screen.add(screen.settlements, name);

  const stored = db.prepare<[], { name: string; key: string }>('SELECT name, name_key AS key FROM settlements').all();
  for (const { name, key } of stored) expect(key, name).toBe(ukSortKey(name));
  const alphabetical = stored.map((row) => row.name).sort(ukrainianCompare);
  expect(alphabetical.filter((name) => added.includes(name))).toEqual([
    'Гнідин',
    'Ґалаґани',
    'Економія',
    'Єрки',
    'Иржавець',
    'Іванків',
    'Їжакевичі',
  ]);
  expect(
    db
      .prepare<[], { name: string }>('SELECT name FROM settlements ORDER BY name_key')
      .all()
      .map((row) => row.name),
  ).toEqual(alphabetical);
  await expect(screen.firstColumn(screen.settlements)).toHaveText(alphabetical);

  // Іванків's streets: two of one name stand together, by type.
  await screen.goTo(screen.settlements, alphabetical.indexOf('Іванків'));
  for (const name of ['Шевченка', 'Ґонти', 'Європейська', 'Гоголя', 'Енергетиків', 'Їжакевича', 'Івана Франка', 'Иржавецька']) {
    await screen.add(screen.streets, name);
  }
  await screen.add(screen.streets, 'Шевченка', 'пров.');
  const streets = [
    'вул. Гоголя',
    'вул. Ґонти',
    'вул. Енергетиків',
    'вул. Європейська',
    'вул. Иржавецька',
    'вул. Івана Франка',
    'вул. Їжакевича',
    'вул. Шевченка',
    'пров. Шевченка',
  ];
  await expect(screen.firstColumn(screen.streets)).toHaveText(streets);
  const ivankiv = db.prepare<[], { id: number }>("SELECT id FROM settlements WHERE name = 'Іванків'").get()!.id;
  expect(
    db
      .prepare<[number], { street: string }>(
        "SELECT kind || ' ' || name AS street FROM streets WHERE settlement_id = ? ORDER BY name_key, kind",
      )
      .all(ivankiv)
      .map((row) => row.street),
  ).toEqual(streets);

  // Гоголя's houses: letters by the alphabet, a building after the letters of its number.
  await screen.goTo(screen.streets, 0);
  for (const number of ['10є', '10/1', '10ґ', '10', '10д', '2', '10а', '10г']) await screen.add(screen.houses, number);
  const houses = ['2', '10', '10а', '10г', '10ґ', '10д', '10є', '10/1'];
  await expect(screen.firstColumn(screen.houses)).toHaveText(houses);
  expect(
    db
      .prepare<[number], { number: string }>(
        "SELECT h.number FROM houses h JOIN streets st ON st.id = h.street_id WHERE st.settlement_id = ? AND st.name = 'Гоголя' ORDER BY h.sort_key",
      )
      .all(ivankiv)
      .map((row) => row.number),
  ).toEqual(houses);
});

test('a route sheet formed by address prints streets, houses and apartments in Ukrainian order', async ({ app, db }) => {
  const village = 'Йосипівка';
  const line = (number: string, name: string, street: string, house: string, apartment = '', kind = 'вул.') =>
    `${number};${name};;${village};село;${street};${kind};${house};${apartment};електроенергія;;;;`;
  const lines = [
    line('9200001', 'Марченко Ірина', 'Шевченка', '1', '', 'пров.'),
    line('9200002', "Мар'яненко Олег", 'Гоголя', '10є'),
    line('9200003', 'Ґудзь Петро', 'Гоголя', '10/1'),
    line('9200004', 'Гнатюк Ольга', 'Європейська', '3'),
    line('9200005', 'Єременко Віра', 'Гоголя', '10ґ'),
    line('9200006', 'Еллер Ганна', 'Енергетиків', '7'),
    line('9200007', 'Їжак Марко', 'Гоголя', '10'),
    line('9200008', 'іваненко тарас', 'Гоголя', '2', '10'),
    line('9200009', 'Йовенко Дарина', 'Гоголя', '2', '2а'),
    line('9200010', 'Иванюк Ілля', 'Ґонти', '5'),
    line('9200011', 'Бондар Ярослав', 'Гоголя', '10д'),
    line('9200012', 'Андрієнко Лідія', 'Гоголя', '2', '2'),
    line('9200013', 'Марʼяненко Ірина', 'Шевченка', '1'),
    line('9200014', 'Ткачук Оксана', 'Гоголя', '10а'),
  ];
  const header = accountsFileHeader.join(';');
  const importing = new ImportScreen(app);
  await importing.open();
  await importing.choose({ name: 'yosypivka.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\r\n'), 'utf8') });
  await importing.importFile();
  await expect(importing.result).toHaveText(`Рядків: ${lines.length}; створено ${lines.length}, оновлено 0, без змін 0.`);
  const imported = db.prepare<[], { name: string; key: string }>(
    "SELECT full_name AS name, name_key AS key FROM accounts WHERE number LIKE '92000%'",
  );
  for (const { name, key } of imported.all()) expect(key, name).toBe(ukSortKey(name));

  // The route is the scene; forming and printing are the operator's.
  const settlementId = db.prepare<[string], { id: number }>('SELECT id FROM settlements WHERE name = ?').get(village)!.id;
  const route = await rpc<{ id: number; number: number; name: string }>(app, 'routes.save', {
    number: 903,
    name: village,
    sectionId: null,
    executorId: null,
  });
  await rpc(app, 'routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId } });
  const forming = new TaskForming(app);
  const sheet = new RouteSheet(app);
  await forming.open();
  await forming.form(route);
  await expect(new Workstation(app).status).toHaveText(`Сформовано завдання по маршруту № 903: позицій — ${lines.length}.`);

  const addresses = [
    'вул. Гоголя, 2, кв. 2',
    'вул. Гоголя, 2, кв. 2а',
    'вул. Гоголя, 2, кв. 10',
    'вул. Гоголя, 10',
    'вул. Гоголя, 10а',
    'вул. Гоголя, 10ґ',
    'вул. Гоголя, 10д',
    'вул. Гоголя, 10є',
    'вул. Гоголя, 10/1',
    'вул. Ґонти, 5',
    'вул. Енергетиків, 7',
    'вул. Європейська, 3',
    'вул. Шевченка, 1',
    'пров. Шевченка, 1',
  ].map((address) => `с. ${village}, ${address}`);
  const task = db.prepare<[number], { id: number }>('SELECT id FROM walk_tasks WHERE route_id = ? ORDER BY id DESC LIMIT 1').get(route.id)!;
  expect(
    db
      .prepare<[number], { address: string }>('SELECT address FROM task_positions WHERE task_id = ? ORDER BY seq')
      .all(task.id)
      .map((row) => row.address),
  ).toEqual(addresses);

  await forming.openSheet();
  await expect(sheet.positions).toHaveCount(lines.length);
  await expect(sheet.addresses).toHaveText(addresses);

  // And on paper: the PDF's text (poppler's pdftotext), with an address broken over two lines joined again.
  const pdf = await (await sheet.savePdf()).path();
  const text = execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\s+/g, ' ');
  const printed = [...text.matchAll(new RegExp(`(с\\. ${village}, [^—]*?) —`, 'g'))].map((match) => match[1]);
  expect(printed).toEqual(addresses);
});

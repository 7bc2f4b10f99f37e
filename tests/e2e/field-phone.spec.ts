import { chromium, devices, type Browser } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { localToday } from '../../shared/dates';
import { formatDate } from '../../shared/i18n/format';
import { chromiumArgs, chromiumPath } from '../../src-main/bench/web-process';
import { candidates } from './entry-tasks';
import { expect, rpc, test } from './fixtures';
import { FieldService } from './pages/field-service';
import { PhoneApp } from './pages/phone';
import { ReadingEntry } from './pages/reading-entry';
import { UsersScreen } from './pages/users';
import { AccountSearch } from './pages/account-card';

interface Band {
  consumption: number;
  low: number;
  high: number;
}

const controller = { login: 'kontroler', password: 'walk-every-day' };
const fixture = join(import.meta.dirname, '..', 'fixtures', 'meter.jpg');

/** A JPEG's pixel size, from its first start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  for (let at = 2; at + 9 < bytes.length;) {
    if (bytes[at] !== 0xff) throw new Error(`not a JPEG marker at ${at}`);
    const marker = bytes[at + 1]!;
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error('no start-of-frame marker');
}

let phoneBrowser: Browser | null = null;
test.afterAll(async () => {
  await phoneBrowser?.close();
});

test('a controller pairs a phone, reads offline with a photo, sends twice; the office takes the plausible results in by F9', async ({
  app,
  db,
  district,
}) => {
  const today = localToday();
  // The scene: a controller with a user of their own, and a task of today over three points of a new route of theirs.
  const employee = db
    .prepare<[], { id: number; fullName: string }>(
      'SELECT id, full_name AS fullName FROM employees WHERE is_controller = 1 AND active = 1 ORDER BY id LIMIT 1',
    )
    .get()!;
  const points = candidates(db, 3, 40);
  expect(points).toHaveLength(3);
  const { number } = db.prepare<[], { number: number }>('SELECT max(number) + 1 AS number FROM routes').get()!;
  const route = await rpc<{ id: number }>(app, 'routes.save', { number, name: 'Телефон', sectionId: null, executorId: employee.id });
  await rpc(app, 'routes.assign', {
    routeId: route.id,
    selector: { kind: 'points', pointIds: points.map((p) => p.pointId) },
    confirmMove: true,
  });
  const { taskId } = await rpc<{ taskId: number }>(app, 'tasks.form', {
    routeId: route.id,
    taskDate: today,
    criteria: { includeDisconnected: true },
  });
  const positions = db
    .prepare<[number], { id: number; seq: number; pointId: number }>(
      'SELECT id, seq, point_id AS pointId FROM task_positions WHERE task_id = ? ORDER BY seq',
    )
    .all(taskId);
  const at = async (seq: number) => rpc<{ previous: { value: number }; expected: Band | null }>(app, 'entry.position', { taskId, seq });
  const [first, second] = [await at(1), await at(2)];
  expect(first.expected, 'the demo district gives every point a history to judge by').not.toBeNull();
  expect(second.expected).not.toBeNull();
  const plausible = first.previous.value + Math.round(first.expected!.consumption);
  const spike = second.previous.value + second.expected!.high + 25;
  const reason = db
    .prepare<[], { code: number; name: string }>(
      'SELECT code, name_uk AS name FROM non_execution_reasons WHERE active = 1 ORDER BY code LIMIT 1',
    )
    .get()!;

  // The administrator gives the controller a user of their own (Сервіс → Користувачі), turns the
  // field service on and shows a pairing code (F5).
  const users = new UsersScreen(app);
  await users.open();
  await users.addController({ ...controller, fullName: employee.fullName, employee: employee.fullName });
  expect(db.prepare('SELECT role, employee_id AS employeeId FROM users WHERE login = ?').get(controller.login)).toEqual({
    role: 'controller',
    employeeId: employee.id,
  });
  const status = await rpc<{ port: number; spki: string }>(app, 'field.start', { port: 0 });
  const field = new FieldService(app);
  await field.open();
  const code = await field.newCode();

  // The phone trusts the workstation's certificate by its key, as a phone that installed the authority would.
  phoneBrowser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, `--ignore-certificate-errors-spki-list=${status.spki}`],
  });
  const context = await phoneBrowser.newContext({
    ...devices['Pixel 7'],
    locale: 'uk-UA',
    timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`https://127.0.0.1:${status.port}/#pair=${code}`);
  const phone = new PhoneApp(page);
  await expect(page.getByLabel('Код')).toHaveValue(code);
  await phone.pair(controller.login, controller.password);
  await expect(phone.positions).toHaveCount(3);
  // The service worker holds the app before the phone leaves the network.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  // A plausible reading with the meter's photo.
  await phone.open(positions[0]!.id);
  await phone.reading.fill(String(plausible));
  await phone.photo.setInputFiles(fixture);
  await expect(phone.thumbnail).toBeVisible();
  await phone.saveAndBack(positions[0]!.id);
  // A spike: the phone says why and takes it only typed again.
  await phone.open(positions[1]!.id);
  await phone.reading.fill(String(spike));
  await phone.save.tap();
  await expect(page.getByTestId('reading-checks')).toContainText('більше звичайного для цієї точки');
  await expect(phone.retype).toBeFocused();
  await phone.retype.fill(String(spike));
  await phone.saveAndBack(positions[1]!.id);
  // Nobody home: a reason.
  await phone.open(positions[2]!.id);
  await phone.reason.selectOption(String(reason.code));
  await phone.saveAndBack(positions[2]!.id);
  await expect(phone.status).toContainText('Не надіслано: 3');

  // The app and what was recorded come back with no connection at all.
  await page.reload();
  await expect(phone.positions).toHaveCount(3);
  for (const position of positions) await expect(phone.position(position.id)).toHaveAttribute('data-done', 'true');
  await expect(phone.status).toContainText('Не надіслано: 3');
  // Nothing of it has reached the workstation.
  expect(db.prepare('SELECT count(*) AS n FROM phone_results').get()).toEqual({ n: 0 });

  await context.setOffline(false);
  await phone.send.tap();
  await expect(phone.status).toContainText('Не надіслано: 0');
  await expect(phone.status).toContainText('Надіслано: 3');
  const stored = () =>
    db
      .prepare<
        [number],
        {
          positionId: number;
          value: number | null;
          reasonCode: number | null;
          status: string;
          sentBy: string;
          photoClientId: string | null;
        }
      >(
        `SELECT pr.position_id AS positionId, pr.value, pr.reason_code AS reasonCode, pr.status, pr.sent_by AS sentBy,
           pr.photo_client_id AS photoClientId
         FROM phone_results pr JOIN task_positions tp ON tp.id = pr.position_id WHERE tp.task_id = ? ORDER BY tp.seq`,
      )
      .all(taskId);
  const photos = () =>
    db.prepare<[], { file: string; bytes: number; positionId: number }>('SELECT file, bytes, position_id AS positionId FROM photos').all();
  const once = { results: stored(), photos: photos() };
  expect(once.results).toEqual([
    expect.objectContaining({
      positionId: positions[0]!.id,
      value: plausible,
      reasonCode: null,
      status: 'waiting',
      sentBy: controller.login,
    }),
    expect.objectContaining({ positionId: positions[1]!.id, value: spike, reasonCode: null, status: 'waiting' }),
    expect.objectContaining({ positionId: positions[2]!.id, value: null, reasonCode: reason.code, status: 'waiting' }),
  ]);
  expect(once.photos).toHaveLength(1);
  expect(once.photos[0]!.positionId).toBe(positions[0]!.id);
  // Compressed on the phone to 300 KB or less, kept as a JPEG file beside the database.
  const photoFile = join(dirname(district.dbFile), 'photos', once.photos[0]!.file);
  expect(statSync(photoFile).size).toBe(once.photos[0]!.bytes);
  expect(once.photos[0]!.bytes).toBeLessThanOrEqual(300 * 1024);
  expect(once.photos[0]!.bytes).toBeLessThan(statSync(fixture).size);
  const kept = readFileSync(photoFile);
  expect([...kept.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  // The fixture is 1800×1350 stored sideways (EXIF orientation 6): the photo kept stands upright.
  const { width, height } = jpegSize(kept);
  expect(height).toBeGreaterThan(width);

  // Sending again changes nothing.
  await phone.send.tap();
  await expect(phone.status).toContainText('Надіслано: 3');
  expect({ results: stored(), photos: photos() }).toEqual(once);
  expect(problems, 'the phone app threw errors').toEqual([]);

  // In the office: the first open position shows what the phone sent with its photo; F9 takes the plausible ones in.
  const entry = new ReadingEntry(app);
  await entry.open(taskId);
  await expect(app.getByTestId('entry-phone-value')).toHaveText(new Intl.NumberFormat('uk-UA').format(plausible));
  await expect(app.getByTestId('phone-photo')).toBeVisible();
  await expect(app.getByTestId('entry-phone-waiting')).toContainText('З телефону чекають: 3');
  await entry.op.press('F9');
  await expect(app.getByTestId('status')).toContainText('З телефону прийнято: 2; залишилось переглянути: 1.');
  // The spike is left for the operator, who is now on it.
  await expect(entry.seq).toHaveText('Позиція 2 з 3');
  const entered = db
    .prepare<[number], { seq: number; status: string; value: number | null; reason: number | null; enteredBy: string | null }>(
      `SELECT tp.seq, tp.status, r.value, tp.reason_code AS reason, tp.entered_by AS enteredBy
       FROM task_positions tp LEFT JOIN readings r ON r.task_position_id = tp.id WHERE tp.task_id = ? ORDER BY tp.seq`,
    )
    .all(taskId);
  expect(entered).toEqual([
    { seq: 1, status: 'executed', value: plausible, reason: null, enteredBy: 'admin' },
    { seq: 2, status: 'new', value: null, reason: null, enteredBy: null },
    { seq: 3, status: 'not_executed', value: null, reason: reason.code, enteredBy: 'admin' },
  ]);
  // Shift+F9 puts the spike into the form; Enter saves it, and the dialog asks as for a typed one.
  await entry.op.press('Shift+F9');
  await expect(entry.value).toHaveValue(String(spike));
  await entry.op.press('Enter');
  await expect(entry.plausibility.dialog).toContainText('більше звичайного для цієї точки');
  await entry.plausibility.accept();
  await expect(entry.summary).toBeVisible();
  expect(stored().map((r) => r.status)).toEqual(['entered', 'entered', 'entered']);
  expect(db.prepare<[number], { value: number }>('SELECT value FROM readings WHERE task_position_id = ?').get(positions[1]!.id)).toEqual({
    value: spike,
  });

  // The photo is on the account card, with when and where in which task it was taken.
  const account = db
    .prepare<[number], { number: string }>('SELECT a.number FROM accounts a JOIN metering_points p ON p.account_id = a.id WHERE p.id = ?')
    .get(positions[0]!.pointId)!;
  const search = new AccountSearch(app);
  await search.open();
  const card = await search.openCard(account.number);
  const shown = await card.photos(positions[0]!.pointId);
  await expect(shown.getByRole('img', { name: 'Фото лічильника' })).toBeVisible();
  await expect(shown).toContainText(`маршрут № ${number}, завдання на ${formatDate(today, 'uk')}, позиція 1 · ${controller.login}`);
  await card.close();

  // The administrator revokes the phone's session (F8, Enter): the phone's next request is refused and it asks to pair again.
  await field.open();
  const session = field.sessions.getByRole('row').filter({ hasText: controller.login });
  await expect(session).toContainText('діє');
  await field.op.press('F8');
  await expect(app.getByRole('dialog')).toContainText(controller.login);
  await field.op.press('Enter');
  await expect(session).toContainText('відключено');
  expect(db.prepare("SELECT count(*) AS n FROM field_sessions WHERE revoked_at IS NOT NULL AND revoked_by = 'admin'").get()).toEqual({
    n: 1,
  });
  await page.getByRole('button', { name: 'Завантажити план' }).tap();
  await expect(page.getByText('Сеанс завершено')).toBeVisible();
  await expect(page.getByRole('button', { name: "Під'єднати" })).toBeVisible();

  // Paired again with a new code, the controller signs out on the phone («Вийти», confirmed): the
  // session ends on the workstation too, in the controller's name.
  await page.getByLabel('Код').fill(await field.newCode());
  await page.getByLabel('Логін').fill(controller.login);
  await page.getByLabel('Пароль', { exact: true }).fill(controller.password);
  await page.getByRole('button', { name: "Під'єднати" }).tap();
  const signOut = page.getByRole('button', { name: 'Вийти' });
  await expect(signOut).toBeVisible();
  const lastSession = () => db.prepare('SELECT revoked_by AS revokedBy FROM field_sessions ORDER BY id DESC LIMIT 1').get();
  expect(lastSession()).toEqual({ revokedBy: null });
  page.once('dialog', (dialog) => void dialog.accept());
  await signOut.tap();
  await expect(page.getByRole('button', { name: "Під'єднати" })).toBeVisible();
  await expect.poll(lastSession).toEqual({ revokedBy: controller.login });
  expect(problems, 'the phone app threw errors').toEqual([]);
});

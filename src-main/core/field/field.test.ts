import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fieldPhotoMaxBytes, type FieldResult } from '../../../shared/contract/field';
import { testDistrict } from '../../../tests/support/test-district';
import { hashPassword } from '../auth/passwords';
import { entryStore } from '../entry/entry-store';
import { fieldServices } from './index';
import { fieldPhotos } from './photos';
import type { FieldAnswer, FieldCaller } from './service';

const today = '2026-11-25';
const photosRoot = mkdtempSync(join(tmpdir(), 'obhid-photos-'));
afterAll(() => rmSync(photosRoot, { recursive: true, force: true }));

/** A JPEG as far as its first bytes go: the core takes an image by its bytes, not by what the sender says. */
const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 7)]);

/**
 * The test district with a route for each of its two controllers, each read monthly at 3 kWh a day
 * up to 25 October, a task of today for each, and a controller's user for both.
 */
function fieldDistrict() {
  const d = testDistrict({}, { today });
  let now = Date.parse('2026-11-25T08:00:00Z');
  const photosDir = mkdtempSync(join(photosRoot, 'd-'));
  const field = fieldServices(d.db, {
    today: () => today,
    store: entryStore(d.db, { today: () => today }),
    photos: fieldPhotos(d.db, photosDir),
    now: () => now,
  });
  const insertReading = d.db.prepare("INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, ?, 'control')");
  const routeOf = (number: number, executorId: number, settlementId: number) => {
    const route = d.call('routes.save', { number, name: `Маршрут ${number}`, sectionId: null, executorId });
    d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId } });
    for (const { id } of d.db.prepare<[number], { id: number }>('SELECT id FROM metering_points WHERE route_id = ?').all(route.id)) {
      for (let month = 0; month < 12; month++) {
        const on = new Date(Date.UTC(2025, 10 + month, 25)).toISOString().slice(0, 10);
        insertReading.run(id, on, 1000 + Math.round((Date.parse(on) - Date.parse('2025-11-25')) / 86_400_000) * 3);
      }
    }
    return d.call('tasks.form', { routeId: route.id, taskDate: today, criteria: {} }).taskId;
  };
  const ownTask = routeOf(1, d.controller, d.settlements.town);
  const otherTask = routeOf(2, d.otherController, d.settlements.village);
  const user = (login: string, employeeId: number) =>
    d.db
      .prepare("INSERT INTO users (login, full_name, role, password_hash, employee_id) VALUES (?, ?, 'controller', ?, ?)")
      .run(login, login, hashPassword('walk every day'), employeeId);
  user('melnyk', d.controller);
  user('tkachuk', d.otherController);
  const positions = (taskId: number) =>
    d.db.prepare<[number], { id: number; seq: number }>('SELECT id, seq FROM task_positions WHERE task_id = ? ORDER BY seq').all(taskId);

  const value = <T>(answer: FieldAnswer<T>): T => {
    if (!answer.ok) throw new Error(`${answer.status} ${answer.error.code}: ${answer.error.message}`);
    return answer.value;
  };
  const pair = (login: string, code = field.createPairing('admin').code): FieldCaller => {
    const { token } = value(field.pair({ code, login, password: 'walk every day', device: 'Galaxy A14' }, 'uk'));
    return field.authenticate(token)!;
  };
  const result = (positionId: number, over: Partial<FieldResult> = {}): FieldResult => ({
    clientId: `r-${positionId}-${Math.random().toString(36).slice(2, 10)}`,
    positionId,
    value: 1000 + 365 * 3 + 90,
    reasonCode: null,
    takenAt: `${today}T10:15:00+02:00`,
    ...over,
  });
  const rows = (table: string) => d.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
  return { d, field, photosDir, ownTask, otherTask, positions, value, pair, result, rows, advance: (ms: number) => (now += ms) };
}

describe('pairing a phone', () => {
  it('takes a code for 10 minutes, once, and only with the controller’s own password', () => {
    const f = fieldDistrict();
    const { code, expiresAt } = f.field.createPairing('admin');
    expect(code).toMatch(/^\d{6}$/);
    expect(expiresAt).toBe('2026-11-25T08:10:00.000Z');
    // A wrong password or a user who is no controller: one answer, and the code is still good.
    const wrong = f.field.pair({ code, login: 'melnyk', password: 'guess', device: '' }, 'uk');
    expect(wrong).toMatchObject({ ok: false, status: 401, error: { code: 'field.badCredentials' } });
    expect(f.field.pair({ code, login: 'admin', password: 'walk every day', device: '' }, 'uk')).toMatchObject({ status: 401 });

    f.advance(10 * 60_000 - 1);
    const paired = f.value(f.field.pair({ code, login: 'melnyk', password: 'walk every day', device: 'Galaxy A14' }, 'uk'));
    expect(paired.user).toEqual({ login: 'melnyk', fullName: 'melnyk' });
    // Used: the same code pairs nobody else.
    expect(f.field.pair({ code, login: 'tkachuk', password: 'walk every day', device: '' }, 'uk')).toMatchObject({
      status: 403,
      error: { code: 'field.pairingCodeInvalid', message: expect.stringContaining('10 хв') as unknown },
    });
    // The token is kept as a hash only.
    expect(f.d.db.prepare('SELECT token_hash AS hash FROM field_sessions').get()).not.toEqual({ hash: paired.token });
    expect(f.d.db.prepare("SELECT login, channel FROM audit_log WHERE channel = 'field.pair'").all()).toEqual([
      { login: 'melnyk', channel: 'field.pair' },
    ]);
  });

  it('refuses a code at its tenth minute, and a garbled request with what to fill in', () => {
    const f = fieldDistrict();
    const { code } = f.field.createPairing('admin');
    f.advance(10 * 60_000);
    expect(f.field.pair({ code, login: 'melnyk', password: 'walk every day' }, 'en')).toMatchObject({
      status: 403,
      error: { message: expect.stringContaining('older than 10 min') as unknown },
    });
    expect(f.field.pair({ code: '12ab', login: 'melnyk', password: 'x' }, 'uk')).toMatchObject({
      status: 400,
      error: { code: 'request.invalid' },
    });
    expect(f.rows('field_sessions')).toBe(0);
  });

  it('ends a revoked session, and one whose user is switched off, at the next request', () => {
    const f = fieldDistrict();
    const { code } = f.field.createPairing('admin');
    const { token } = f.value(f.field.pair({ code, login: 'melnyk', password: 'walk every day', device: 'A14' }, 'uk'));
    const caller = f.field.authenticate(token)!;
    expect(caller).toMatchObject({ login: 'melnyk', employeeId: f.d.controller });
    expect(f.field.sessions()).toMatchObject([{ login: 'melnyk', device: 'A14', revokedAt: null, lastSeenAt: '2026-11-25T08:00:00.000Z' }]);
    f.field.revoke(caller.sessionId, 'admin');
    expect(f.field.authenticate(token)).toBeNull();
    expect(f.field.sessions()[0]!.revokedAt).not.toBeNull();

    const other = f.value(f.field.pair({ code: f.field.createPairing('admin').code, login: 'tkachuk', password: 'walk every day' }, 'uk'));
    expect(f.field.authenticate(other.token)).not.toBeNull();
    f.d.db.prepare("UPDATE users SET active = 0 WHERE login = 'tkachuk'").run();
    expect(f.field.authenticate(other.token)).toBeNull();
    expect(f.field.authenticate('a'.repeat(43))).toBeNull();
  });

  it('ends a session the phone signs out of, in the controller’s name, from the next request', () => {
    const f = fieldDistrict();
    const { token } = f.value(
      f.field.pair({ code: f.field.createPairing('admin').code, login: 'melnyk', password: 'walk every day' }, 'uk'),
    );
    const caller = f.field.authenticate(token)!;
    expect(f.value(f.field.signOut(caller))).toEqual({ sessionId: caller.sessionId });
    expect(f.field.authenticate(token)).toBeNull();
    expect(f.d.db.prepare('SELECT revoked_by FROM field_sessions WHERE id = ?').get(caller.sessionId)).toEqual({ revoked_by: 'melnyk' });
    expect(f.d.db.prepare("SELECT login, action, entity_id AS id FROM audit_log WHERE channel = 'field.signOut'").all()).toEqual([
      { login: 'melnyk', action: 'change', id: caller.sessionId },
    ]);
  });
});

describe('the controller’s plan', () => {
  it('holds their own tasks only, each position with the figures the phone judges by', () => {
    const f = fieldDistrict();
    const plan = f.value(f.field.plan(f.pair('melnyk'), 'uk'));
    expect(plan.tasks.map((t) => t.taskId)).toEqual([f.ownTask]);
    const [first] = plan.tasks[0]!.positions;
    expect(first).toMatchObject({
      seq: 1,
      commodity: 'electricity',
      meter: { model: 'GAMA 100', digits: 6 },
      entered: false,
      judge: { previous: { takenOn: '2026-10-25' }, digits: 6, cutoff: null, bands: { highFactor: 3 } },
    });
    expect(first!.judge.expected).toBeGreaterThan(0);
    // Another controller's plan holds none of these positions.
    const theirs = f.value(f.field.plan(f.pair('tkachuk'), 'uk'));
    expect(theirs.tasks.map((t) => t.taskId)).toEqual([f.otherTask]);
  });
});

describe('results from a phone', () => {
  it('are taken in once per client id: sending twice changes nothing', () => {
    const f = fieldDistrict();
    const caller = f.pair('melnyk');
    const [first, second] = f.positions(f.ownTask);
    const batch = { results: [f.result(first!.id), f.result(second!.id, { value: null, reasonCode: 2 })] };
    expect(f.value(f.field.results(caller, batch, 'uk')).results.map((r) => r.status)).toEqual(['new', 'new']);
    expect(f.value(f.field.results(caller, batch, 'uk')).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(f.rows('phone_results')).toBe(2);
    expect(f.d.db.prepare("SELECT count(*) AS n FROM audit_log WHERE channel = 'field.results' AND login = 'melnyk'").get()).toEqual({
      n: 2,
    });
  });

  it('for another controller’s position are refused one by one, with why, and the rest go in', () => {
    const f = fieldDistrict();
    const caller = f.pair('melnyk');
    const [own] = f.positions(f.ownTask);
    const [theirs] = f.positions(f.otherTask);
    const batch = { results: [f.result(own!.id), f.result(theirs!.id), f.result(own!.id, { value: null, reasonCode: 999 })] };
    const answer = f.value(f.field.results(caller, batch, 'uk'));
    expect(answer.results).toEqual([
      { clientId: batch.results[0]!.clientId, status: 'new' },
      {
        clientId: batch.results[1]!.clientId,
        status: 'refused',
        error: { code: 'field.notYourPosition', message: `Позиція ${theirs!.id} не з ваших завдань. Завантажте план знову.` },
      },
      {
        clientId: batch.results[2]!.clientId,
        status: 'refused',
        error: expect.objectContaining({ code: 'entry.unknownReason' }) as unknown,
      },
    ]);
    expect(f.d.db.prepare('SELECT position_id AS positionId FROM phone_results').all()).toEqual([{ positionId: own!.id }]);
    // Sent again: the refused stay refused, the taken one is a duplicate, nothing more is written.
    expect(f.value(f.field.results(caller, batch, 'uk')).results.map((r) => r.status)).toEqual(['duplicate', 'refused', 'refused']);
    expect(f.rows('phone_results')).toBe(1);
  });

  it('that the schema refuses are refused whole, with the fields named', () => {
    const f = fieldDistrict();
    const caller = f.pair('melnyk');
    const [own] = f.positions(f.ownTask);
    const answer = f.field.results(caller, { results: [f.result(own!.id), { ...f.result(own!.id), value: 5, reasonCode: 2 }] }, 'uk');
    expect(answer).toMatchObject({ ok: false, status: 400, error: { code: 'request.invalid' } });
    expect(f.rows('phone_results')).toBe(0);
  });

  it('beside what the office entered stay beside it, in the correction queue when they differ', () => {
    const f = fieldDistrict();
    const caller = f.pair('melnyk');
    const [first, second] = f.positions(f.ownTask);
    const typed = 1000 + 365 * 3 + 90;
    for (const position of [first!, second!]) {
      f.d.call('entry.save', {
        positionId: position.id,
        checkedOn: today,
        maxConsumption: { electricity: 500, gas: 50 },
        outcome: { kind: 'reading', value: String(typed), accepted: [] },
      });
    }
    const answer = f.value(
      f.field.results(caller, { results: [f.result(first!.id, { value: typed }), f.result(second!.id, { value: typed + 40 })] }, 'uk'),
    );
    expect(answer.results.map((r) => r.status)).toEqual(['beside', 'beside']);
    // The office's readings stand; only the one that differs waits for a master.
    expect(f.d.db.prepare('SELECT value FROM readings WHERE task_position_id IN (?, ?) ORDER BY id').all(first!.id, second!.id)).toEqual([
      { value: typed },
      { value: typed },
    ]);
    const queue = f.d.call('checks.list', { status: 'waiting' });
    expect(queue.rows).toHaveLength(1);
    expect(queue.rows[0]).toMatchObject({ checks: [{ code: 'phoneResult', phoneValue: typed + 40, officeValue: typed }] });
  });
});

describe('photos from a phone', () => {
  it('are kept as files once, and one too big or not an image is refused with nothing written', () => {
    const f = fieldDistrict();
    const caller = f.pair('melnyk');
    const [first] = f.positions(f.ownTask);
    const meta = { positionId: first!.id, takenAt: `${today}T10:15:00+02:00` };
    expect(f.field.photo(caller, 'photo-big-1', meta, jpeg(fieldPhotoMaxBytes + 1), 'uk')).toMatchObject({
      status: 413,
      error: { message: 'Фото більше за 350 КБ: зменште його.' },
    });
    expect(f.field.photo(caller, 'photo-text-1', meta, Buffer.from('not a photo at all'), 'uk')).toMatchObject({
      status: 415,
      error: { code: 'photo.notImage' },
    });
    expect(f.rows('photos')).toBe(0);
    expect(readdirSync(f.photosDir)).toEqual([]);

    expect(f.value(f.field.photo(caller, 'photo-meter-1', meta, jpeg(fieldPhotoMaxBytes), 'uk'))).toEqual({
      photoId: 'photo-meter-1',
      status: 'new',
    });
    expect(f.value(f.field.photo(caller, 'photo-meter-1', meta, jpeg(2000), 'uk')).status).toBe('duplicate');
    expect(existsSync(join(f.photosDir, '2026-11', 'photo-meter-1.jpg'))).toBe(true);
    expect(f.d.db.prepare('SELECT bytes, mime, sent_by AS sentBy FROM photos').all()).toEqual([
      { bytes: fieldPhotoMaxBytes, mime: 'image/jpeg', sentBy: 'melnyk' },
    ]);
    // Someone else's position: refused before the file is written.
    const [theirs] = f.positions(f.otherTask);
    expect(f.field.photo(caller, 'photo-meter-2', { ...meta, positionId: theirs!.id }, jpeg(2000), 'uk')).toMatchObject({ status: 403 });
    expect(readdirSync(join(f.photosDir, '2026-11'))).toEqual(['photo-meter-1.jpg']);
    // The card lists it by its point, with the position it was taken at.
    const pointId = f.d.db
      .prepare<[number], { pointId: number }>('SELECT point_id AS pointId FROM task_positions WHERE id = ?')
      .get(first!.id)!.pointId;
    expect(f.d.call('photos.ofPoint', { pointId })).toEqual([
      {
        photoId: 'photo-meter-1',
        positionId: first!.id,
        seq: 1,
        takenAt: meta.takenAt,
        sentBy: 'melnyk',
        taskDate: today,
        routeNumber: 1,
        bytes: fieldPhotoMaxBytes,
      },
    ]);
  });
});

describe('results taken in at entry', () => {
  it('take every plausible one with one call and leave a spike for the operator', () => {
    const f = fieldDistrict();
    const caller = f.pair('melnyk');
    const [first, second, third] = f.positions(f.ownTask);
    const plan = f.value(f.field.plan(caller, 'uk'));
    const expected = plan.tasks[0]!.positions[0]!.judge.expected!;
    const previous = plan.tasks[0]!.positions[0]!.judge.previous!.value;
    f.value(
      f.field.results(
        caller,
        {
          results: [
            f.result(first!.id, { value: previous + Math.round(expected) }),
            f.result(second!.id, { value: previous + Math.round(expected * 3) + 5 }),
            f.result(third!.id, { value: null, reasonCode: 2 }),
          ],
        },
        'uk',
      ),
    );
    expect(f.d.call('entry.position', { taskId: f.ownTask, seq: 2 }).phone).toMatchObject({ status: 'waiting', sentBy: 'melnyk' });

    expect(f.d.call('phone.acceptPlausible', { taskId: f.ownTask })).toEqual({ accepted: 2, left: 1 });
    const status = f.d.db.prepare<[number], { status: string; value: number | null }>(
      'SELECT tp.status, r.value FROM task_positions tp LEFT JOIN readings r ON r.task_position_id = tp.id WHERE tp.id = ?',
    );
    expect(status.get(first!.id)).toEqual({ status: 'executed', value: previous + Math.round(expected) });
    expect(status.get(second!.id)).toEqual({ status: 'new', value: null });
    expect(status.get(third!.id)).toEqual({ status: 'not_executed', value: null });
    // The spike is the operator's: typed (or taken) and accepted at the dialog, it settles the phone's result.
    f.d.call('entry.save', {
      positionId: second!.id,
      checkedOn: today,
      maxConsumption: { electricity: 500, gas: 50 },
      outcome: { kind: 'reading', value: String(previous + Math.round(expected * 3) + 5), accepted: ['tooHigh'] },
    });
    expect(f.d.db.prepare('SELECT status, settled_by AS settledBy FROM phone_results ORDER BY id').all()).toEqual([
      { status: 'entered', settledBy: 'admin' },
      { status: 'entered', settledBy: 'admin' },
      { status: 'entered', settledBy: 'admin' },
    ]);
    expect(f.d.call('phone.acceptPlausible', { taskId: f.ownTask })).toEqual({ accepted: 0, left: 0 });
  });
});

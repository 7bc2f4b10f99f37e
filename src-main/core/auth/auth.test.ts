import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract/envelope';
import { openDatabase } from '../../db/open';
import { createCore } from '../app';
import { testDistrict } from '../../../tests/support/test-district';
import { hashPassword, verifyPassword } from './passwords';

/** A core as a host has it: nobody signed in, a clock the test moves. */
function workstation() {
  const db = openDatabase(':memory:');
  let now = Date.parse('2026-11-22T08:00:00Z');
  const core = createCore(db, { version: 'test', now: () => now });
  const send = (channel: string, input: unknown = {}, locale = 'uk') =>
    core.dispatch(channel, input, locale) as Envelope<Record<string, unknown>>;
  const call = (channel: string, input: unknown = {}) => {
    const answer = send(channel, input);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.value;
  };
  const code = (channel: string, input: unknown = {}) => {
    const answer = send(channel, input);
    return answer.ok ? 'ok' : answer.error.code;
  };
  return { db, call, code, send, advance: (minutes: number) => (now += minutes * 60_000) };
}

describe('passwords', () => {
  it('are stored as salted scrypt hashes and verified in constant time', () => {
    const stored = hashPassword('контролер-2026');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain('контролер');
    expect(hashPassword('контролер-2026')).not.toBe(stored);
    expect(verifyPassword('контролер-2026', stored)).toBe(true);
    expect(verifyPassword('контролер-2027', stored)).toBe(false);
  });
});

describe('signing in', () => {
  it('asks for the administrator on first run, once', () => {
    const w = workstation();
    expect(w.call('auth.status')).toMatchObject({ needsSetup: true, user: null });
    expect(w.code('meta.info')).toBe('auth.required');
    expect(
      w.call('auth.setup', { login: 'admin', fullName: 'Гнатюк Ольга', password: 'correct horse', branchName: 'Коростишівський РЕМ' }),
    ).toEqual({
      login: 'admin',
      fullName: 'Гнатюк Ольга',
      role: 'admin',
    });
    expect(w.code('meta.info')).toBe('ok');
    expect(w.code('auth.setup', { login: 'other', fullName: 'Інший', password: 'correct horse', branchName: 'Коростишівський РЕМ' })).toBe(
      'auth.alreadySetUp',
    );
    expect(w.db.prepare('SELECT password_hash AS hash FROM users').get()).not.toMatchObject({
      hash: expect.stringContaining('horse') as unknown,
    });
  });

  it('gives one answer for an unknown login and a wrong password', () => {
    const w = workstation();
    w.call('auth.setup', { login: 'admin', fullName: 'Гнатюк Ольга', password: 'correct horse', branchName: 'Коростишівський РЕМ' });
    w.call('auth.logout');
    const unknown = w.send('auth.login', { login: 'nobody', password: 'correct horse', branchName: 'Коростишівський РЕМ' });
    const wrong = w.send('auth.login', { login: 'admin', password: 'wrong horse!' });
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth.badCredentials', message: 'Невірний логін або пароль.' } });
    expect(w.code('auth.login', { login: 'ADMIN', password: 'correct horse', branchName: 'Коростишівський РЕМ' })).toBe('ok');
  });

  it('locks after the idle time and opens again only with the password', () => {
    const w = workstation();
    w.call('auth.setup', { login: 'admin', fullName: 'Гнатюк Ольга', password: 'correct horse', branchName: 'Коростишівський РЕМ' });
    w.advance(14);
    expect(w.code('routes.list')).toBe('ok');
    w.advance(16);
    expect(w.code('routes.list')).toBe('auth.locked');
    expect(w.call('auth.status')).toMatchObject({ locked: true, user: { login: 'admin' } });
    expect(w.code('auth.unlock', { password: 'wrong horse!' })).toBe('auth.badCredentials');
    expect(w.code('routes.list')).toBe('auth.locked');
    expect(w.code('auth.unlock', { password: 'correct horse', branchName: 'Коростишівський РЕМ' })).toBe('ok');
    expect(w.code('routes.list')).toBe('ok');
  });
});

describe('roles, enforced on every request', () => {
  it('lets operators enter and look, masters run routes and tasks, administrators keep directories', () => {
    const w = workstation();
    w.call('auth.setup', { login: 'admin', fullName: 'Гнатюк Ольга', password: 'correct horse', branchName: 'Коростишівський РЕМ' });
    w.call('users.save', { login: 'oper', fullName: 'Оператор', role: 'operator', password: 'operator-1' });
    w.call('users.save', { login: 'master', fullName: 'Майстер', role: 'master', password: 'master-01' });
    w.call('auth.logout');

    w.call('auth.login', { login: 'oper', password: 'operator-1' });
    expect(w.code('routes.list')).toBe('ok');
    expect(w.code('entry.open', { taskId: 1 })).toBe('notFound.task');
    const refused = w.send('routes.save', { number: 1, name: 'Центр', sectionId: null, executorId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'auth.forbidden', message: 'Недостатньо прав: потрібна роль «master».' } });
    expect(w.code('users.list')).toBe('auth.forbidden');
    expect(w.db.prepare('SELECT count(*) AS n FROM routes').get()).toEqual({ n: 0 });

    w.call('auth.login', { login: 'master', password: 'master-01' });
    expect(w.code('routes.save', { number: 1, name: 'Центр', sectionId: null, executorId: null })).toBe('ok');
    expect(w.code('sections.save', { name: 'Центр' })).toBe('auth.forbidden');

    w.call('auth.login', { login: 'admin', password: 'correct horse', branchName: 'Коростишівський РЕМ' });
    expect(w.code('sections.save', { name: 'Центр' })).toBe('ok');
  });

  it('keeps at least one active administrator', () => {
    const w = workstation();
    w.call('auth.setup', { login: 'admin', fullName: 'Гнатюк Ольга', password: 'correct horse', branchName: 'Коростишівський РЕМ' });
    const [admin] = w.call('users.list') as unknown as { id: number }[];
    expect(w.code('users.save', { id: admin!.id, login: 'admin', fullName: 'Гнатюк Ольга', role: 'operator' })).toBe('user.lastAdmin');
    expect(w.call('users.list')).toMatchObject([{ role: 'admin' }]);
  });
});

describe('the audit log', () => {
  it('records who changed what, old and new, in the same transaction as the change', () => {
    const d = testDistrict();
    const route = d.call('routes.save', { number: 12, name: 'Центр', sectionId: null, executorId: d.controller });
    d.call('routes.save', { id: route.id, number: 12, name: 'Центр-2', sectionId: null, executorId: d.otherController });
    d.call('routes.delete', { id: route.id });
    const log = d.call('audit.list', { entity: 'route' });
    expect(log.total).toBe(3);
    expect(log.rows.map((r) => r.action)).toEqual(['delete', 'change', 'create']);
    expect(log.rows[1]).toMatchObject({ login: 'admin', entityId: route.id });
    expect(JSON.parse(log.rows[1]!.oldValue!)).toMatchObject({ name: 'Центр', executorName: 'Мельник Іван Петрович' });
    expect(JSON.parse(log.rows[1]!.newValue!)).toMatchObject({ name: 'Центр-2', executorName: 'Ткачук Олена Іванівна' });
    // A refused change leaves no entry behind.
    d.refusal('routes.save', { number: 0, name: 'x', sectionId: null, executorId: null });
    expect(d.call('audit.list', { entity: 'route' }).total).toBe(3);
  });
});

describe('settings', () => {
  it('are changed within their bounds only, each change in the audit log', () => {
    const d = testDistrict();
    expect(d.call('settings.list', {})).toContainEqual({ key: 'security.idleLockMinutes', value: '15' });
    expect(d.refusal('settings.save', { key: 'security.idleLockMinutes', value: '100000' })).toMatchObject({
      code: 'setting.outOfRange',
      message: 'Значення має бути цілим числом від 0 до 480.',
    });
    d.call('settings.save', { key: 'security.idleLockMinutes', value: '5' });
    expect(d.call('settings.list', {})).toContainEqual({ key: 'security.idleLockMinutes', value: '5' });
    const [entry] = d.call('audit.list', { entity: 'setting' }).rows;
    expect(entry).toMatchObject({
      action: 'change',
      login: 'admin',
      oldValue: '{"security.idleLockMinutes":"15"}',
      newValue: '{"security.idleLockMinutes":"5"}',
    });
  });

  it('keep the minimum debt in kopecks and refuse it out of range in гривні', () => {
    const d = testDistrict();
    expect(d.call('settings.list', {})).toContainEqual({ key: 'warnings.minDebtKop', value: '50000' });
    expect(d.refusal('settings.save', { key: 'warnings.minDebtKop', value: '-1' })).toMatchObject({
      code: 'setting.moneyOutOfRange',
      field: 'value',
      message: 'Сума має бути від 0,00 грн до 100 000 000,00 грн.',
    });
    expect(d.refusal('settings.save', { key: 'warnings.minDebtKop', value: '500,5' }, 'en').message).toBe(
      'The amount must be from UAH 0.00 to UAH 100,000,000.00.',
    );
    d.call('settings.save', { key: 'warnings.minDebtKop', value: '125050' });
    expect(d.call('settings.list', {})).toContainEqual({ key: 'warnings.minDebtKop', value: '125050' });
  });
});

describe('a controller’s user', () => {
  it('stands for one controller employee, and signs in on the phone only', () => {
    const w = workstation();
    w.call('auth.setup', { login: 'admin', fullName: 'Гнатюк Ольга', password: 'correct horse', branchName: 'Коростишівський РЕМ' });
    const employee = (name: string, controller: number) =>
      Number(w.db.prepare('INSERT INTO employees (full_name, is_controller) VALUES (?, ?)').run(name, controller).lastInsertRowid);
    const kovalenko = employee('Коваленко Петро', 1);
    const clerk = employee('Бондар Ірина', 0);
    const user = { login: 'kovalenko', fullName: 'Коваленко Петро', role: 'controller', password: 'walk every day' };
    expect(w.code('users.save', user)).toBe('user.controllerEmployee');
    expect(w.code('users.save', { ...user, employeeId: clerk })).toBe('user.controllerEmployee');
    expect(w.call('users.save', { ...user, employeeId: kovalenko })).toMatchObject({
      role: 'controller',
      employeeId: kovalenko,
      employeeName: 'Коваленко Петро',
    });
    // One user per controller: the phone's plan is that employee's.
    expect(w.code('users.save', { ...user, login: 'kovalenko2', employeeId: kovalenko })).toBe('user.employeeTaken');
    // Another role keeps no employee, whatever the form sent.
    expect(
      w.call('users.save', { login: 'bondar', fullName: 'Бондар Ірина', role: 'operator', password: 'type all day', employeeId: clerk }),
    ).toMatchObject({ employeeId: null });

    w.call('auth.logout');
    expect(w.code('auth.login', { login: 'kovalenko', password: 'walk every day' })).toBe('auth.controllerOnPhone');
    expect(w.call('auth.status')).toMatchObject({ user: null });
    // A wrong password says nothing of the role.
    expect(w.code('auth.login', { login: 'kovalenko', password: 'wrong' })).toBe('auth.badCredentials');
  });
});

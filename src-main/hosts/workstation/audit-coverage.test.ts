import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../shared/contract/auth';
import { contract, type ChannelName, type Input } from '../../../shared/contract/index';
import type { Envelope } from '../../../shared/contract/envelope';
import { testLog } from '../../../tests/support/test-log';
import { createCore } from '../../core/app';
import { copyConsistently } from '../../db/backups';
import { openDatabase } from '../../db/open';
import { createSeededDatabase } from '../../seed/create-database';
import { openWorkstation, type Workstation } from './index';

type Audited = { [N in ChannelName]: (typeof contract)[N]['effect'] extends 'read' ? never : N }[ChannelName];

const admin = { login: 'admin', fullName: 'Гнатюк Ольга', password: 'correct horse', branchName: 'Коростишівський РЕМ' };

interface World {
  call: <T>(channel: ChannelName, input: unknown) => Promise<T>;
  dir: string;
}

/** Which database a scenario starts from: no users at all, an administrator only, or a district with one. */
type Start = 'blank' | 'empty' | 'district';

/** For each audited channel: where it starts and a request that must succeed there. */
const scenarios: { [N in Audited]: { start?: Start; request: (world: World) => Promise<Input<N>> } } = {
  'auth.setup': { start: 'blank', request: () => Promise.resolve(admin) },
  'auth.login': { request: () => Promise.resolve({ login: admin.login, password: admin.password }) },
  'auth.logout': { request: () => Promise.resolve({}) },
  'auth.unlock': { request: () => Promise.resolve({ password: admin.password }) },
  'users.save': { request: () => Promise.resolve({ login: 'oper', fullName: 'Оператор', role: 'operator', password: 'operator-1' }) },
  'settings.save': { request: () => Promise.resolve({ key: 'backup.keep', value: '7' }) },
  'sections.save': { request: () => Promise.resolve({ name: 'Нова дільниця' }) },
  'moratoria.save': { request: () => Promise.resolve({ settlementId: 1, fromOn: '2026-12-01', toOn: null, note: 'паводок' }) },
  'moratoria.delete': {
    request: async ({ call }) => ({
      id: (await call<{ id: number }>('moratoria.save', { settlementId: 1, fromOn: '2026-12-01', note: '' })).id,
    }),
  },
  'profile.save': { request: () => Promise.resolve({ commodity: 'gas', shares: [15, 14, 12, 8, 3, 2, 2, 2, 3, 8, 13, 18] }) },
  'employees.save': { request: () => Promise.resolve({ fullName: 'Ковальчук Ірина', isController: true }) },
  'settlements.save': { request: () => Promise.resolve({ name: 'Нове Село', kind: 'село' }) },
  'streets.save': { request: () => Promise.resolve({ settlementId: 1, name: 'Нова', kind: 'вул.' }) },
  'houses.save': { request: () => Promise.resolve({ streetId: 1, number: '999а' }) },
  'routes.save': { request: () => Promise.resolve({ number: 9001, name: 'Новий', sectionId: null, executorId: null }) },
  'routes.delete': { request: async ({ call }) => ({ id: (await newRoute(call)).id }) },
  'routes.assign': {
    request: async ({ call }) => ({
      routeId: (await newRoute(call)).id,
      selector: { kind: 'points', pointIds: [1, 2] },
      confirmMove: true,
    }),
  },
  'routes.removePoints': { request: async ({ call }) => ({ routeId: (await routeWithPoints(call)).id, pointIds: [1] }) },
  'routes.resequence': {
    request: async ({ call }) => ({ routeId: (await routeWithPoints(call)).id, change: { kind: 'move', pointIds: [1], by: 2 } }),
  },
  'points.setMark': { request: () => Promise.resolve({ pointId: 1, mark: 'complaint', since: '2026-11-02', note: 'скарга на рахунок' }) },
  'tasks.form': { request: async ({ call }) => ({ routeId: (await routeWithPoints(call)).id, taskDate: '2026-11-20', criteria: {} }) },
  'tasks.delete': { request: async ({ call }) => ({ id: (await newTask(call)).taskId }) },
  'tasks.reassign': { request: async ({ call }) => ({ id: (await newTask(call)).taskId, employeeId: 1 }) },
  // A day well ahead of the workstation's today: plans are made for days to come. Employee 1 is a seeded controller.
  'plans.move': { request: () => Promise.resolve({ date: '2030-01-15', pointIds: [1], toEmployeeId: 1 }) },
  'plans.lock': { request: () => Promise.resolve({ date: '2030-01-15', employeeId: 1, locked: true }) },
  'plans.form': { request: () => Promise.resolve({ date: '2030-01-15' }) },
  // Nothing came from a phone: the call still says so (0 taken in) and is on record.
  'phone.acceptPlausible': { request: async ({ call }) => ({ taskId: (await newTask(call)).taskId }) },
  'entry.save': {
    request: async ({ call }) => {
      const { taskId } = await newTask(call);
      const position = await call<{ positionId: number }>('entry.position', { taskId, seq: 1 });
      return {
        positionId: position.positionId,
        checkedOn: '2026-11-20',
        maxConsumption: { electricity: 1500, gas: 500 },
        outcome: { kind: 'reason', reasonCode: 2 },
      };
    },
  },
  // A reading ten times the point's previous one fails a check, is accepted and waits in the queue.
  'checks.decide': {
    request: async ({ call }) => {
      const { taskId } = await newTask(call);
      const position = await call<{ positionId: number; previous: { value: number } | null }>('entry.position', { taskId, seq: 1 });
      await call('entry.save', {
        positionId: position.positionId,
        checkedOn: '2026-11-20',
        maxConsumption: { electricity: 1, gas: 1 },
        outcome: { kind: 'reading', value: String((position.previous?.value ?? 0) + 90_000), accepted: ['tooHigh', 'overMaximum'] },
      });
      const queue = await call<{ rows: { id: number }[] }>('checks.list', { status: 'waiting' });
      return { id: queue.rows[0]!.id, decision: 'confirmed', note: 'перевірено' };
    },
  },
  'warnings.issue': { request: async ({ call }) => ({ ids: [await formedWarning(call)], how: 'mail', issuedOn: '2026-11-21' }) },
  'warnings.cancel': { request: async ({ call }) => ({ ids: [await formedWarning(call)], reason: 'court', note: 'справа № 1/26' }) },
  // Only warnings formed: no point was warned yet, and the answer says so without an order.
  'orders.form': {
    request: async ({ call }) => ({
      routeId: (await routeOver40(call)).id,
      orderDate: '2026-11-20',
      criterion: 'warnings',
      warnNonPayment: true,
    }),
  },
  'orders.recordDone': { request: async ({ call }) => cutOff(await openPosition(call)) },
  'orders.recordNotDone': { request: async ({ call }) => ({ positionId: await openPosition(call), reason: 'no_access', note: '' }) },
  'reconnections.form': { request: async ({ call }) => reconnection(await disconnectedPoint(call)) },
  'reconnections.record': {
    request: async ({ call }) => {
      const { id } = await call<{ id: number }>('reconnections.form', reconnection(await disconnectedPoint(call)));
      return { id, doneAt: '2026-12-01T09:15', executorId: 1, sealNumber: 'П-0002', reading: 12500, note: '' };
    },
  },
  'registers.file': { request: () => Promise.resolve({ kind: 'warnings', dateFrom: '2026-11-01', dateTo: '2026-11-30' }) },
  'backups.create': { request: ({ dir }) => Promise.resolve({ file: join(dir, 'manual-copy.sqlite') }) },
  'backups.restore': {
    request: async ({ call, dir }) => {
      const file = join(dir, 'to-restore.sqlite');
      await call('backups.create', { file });
      return { file };
    },
  },
  'import.run': {
    request: () => {
      const csv = 'О/р;ПІБ;Населений пункт;Вулиця;Будинок;Вид\r\n7700001;Гуменюк Марія;Коростишів;Імпортна;1;електроенергія\r\n';
      return Promise.resolve({
        fileName: 'accounts.csv',
        base64: Buffer.from(csv).toString('base64'),
        kind: 'accounts',
        mapping: { accountNumber: 0, fullName: 1, settlement: 2, street: 3, house: 4, commodity: 5 },
      });
    },
  },
  'export.readingsFile': { request: () => Promise.resolve({ dateFrom: '2026-01-01', dateTo: '2026-12-31', format: 'csv' }) },
  'demo.load': { start: 'empty', request: () => Promise.resolve({}) },
  // Port 0: any free one, so cases never collide; the workstation binds 127.0.0.1 only.
  'field.start': { request: () => Promise.resolve({ port: 0 }) },
  'field.stop': { request: async ({ call }) => (await call('field.start', { port: 0 }), {}) },
  'field.pairing': { request: async ({ call }) => (await call('field.start', { port: 0 }), {}) },
  'field.revoke': { request: async ({ call }) => ({ id: await pairedPhone(call) }) },
};

/** A controller's phone paired through the field listener, as the phone does it: its session's id. */
async function pairedPhone(call: World['call']) {
  const status = await call<{ port: number; caPort: number }>('field.start', { port: 0 });
  const { code } = await call<{ code: string }>('field.pairing', {});
  const [controller] = await call<{ id: number }[]>('employees.list', { onlyActiveControllers: true });
  await call('users.save', {
    login: 'kontroler',
    fullName: 'Ковальчук Ірина',
    role: 'controller',
    password: 'controller-1',
    employeeId: controller!.id,
  });
  const ca = await (await fetch(`http://127.0.0.1:${status.caPort}/ca.pem`)).text();
  const body = JSON.stringify({ code, login: 'kontroler', password: 'controller-1', device: 'Galaxy A14' });
  const answer = await new Promise<number>((resolve, reject) => {
    const sent = httpsRequest(
      { host: '127.0.0.1', port: status.port, path: '/field/pair', method: 'POST', ca, servername: 'localhost', agent: false },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
  if (answer !== 200) throw new Error(`pairing the phone answered ${answer}`);
  const sessions = await call<{ id: number; login: string }[]>('field.sessions', {});
  return sessions.find((row) => row.login === 'kontroler')!.id;
}

/** The audit log as it is on disk, read beside the workstation (which keeps its own connection). */
function entriesOf(dbFile: string, channel: string) {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare<[string], Pick<AuditRow, 'login' | 'channel' | 'entity' | 'oldValue' | 'newValue'>>(
        'SELECT login, channel, entity, old_value AS oldValue, new_value AS newValue FROM audit_log WHERE channel = ? ORDER BY rowid',
      )
      .all(channel);
  } finally {
    db.close();
  }
}

const newRoute = (call: World['call']) =>
  call<{ id: number }>('routes.save', { number: 9002, name: 'Тимчасовий', sectionId: null, executorId: null });
const routeWithPoints = async (call: World['call']) => {
  const route = await newRoute(call);
  await call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds: [1, 2, 3] }, confirmMove: true });
  return route;
};
const newTask = async (call: World['call']) =>
  call<{ taskId: number }>('tasks.form', { routeId: (await routeWithPoints(call)).id, taskDate: '2026-11-20', criteria: {} });

const routeOver40 = async (call: World['call']) => {
  const route = await newRoute(call);
  const pointIds = Array.from({ length: 40 }, (_, i) => i + 1);
  await call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds }, confirmMove: true });
  return route;
};

/** The first position of a disconnection order formed for the seeded district's debtors, warned in hand beforehand. */
const openPosition = async (call: World['call']) => {
  const route = await routeOver40(call);
  await call('tasks.form', { routeId: route.id, taskDate: '2026-11-02', criteria: {}, warnNonPayment: true });
  const formed = await call<{ rows: { id: number }[] }>('warnings.list', { status: 'formed', limit: 500 });
  await call('warnings.issue', { ids: formed.rows.map((w) => w.id), how: 'in_hand', issuedOn: '2026-11-02' });
  const { orderId } = await call<{ orderId: number | null }>('orders.form', {
    routeId: route.id,
    orderDate: '2026-11-20',
    criterion: 'warnings',
  });
  if (orderId === null) throw new Error('the seeded district gave no debtor to order');
  const order = await call<{ positionsList: { id: number }[] }>('orders.get', { id: orderId });
  return order.positionsList[0]!.id;
};
const cutOff = (positionId: number) => ({
  positionId,
  doneAt: '2026-11-30T10:30',
  executorId: 1,
  sealNumber: 'П-0001',
  reading: 12345,
  note: '',
});
const disconnectedPoint = async (call: World['call']) => {
  const order = await call<{ positionsList: { pointId: number }[] }>('orders.recordDone', cutOff(await openPosition(call)));
  return order.positionsList[0]!.pointId;
};
const reconnection = (pointId: number) => ({ pointId, basis: 'operator', note: 'реструктуризація боргу', formedOn: '2026-12-01' }) as const;

/** A non-payment warning formed with a task over the whole seeded district, whose debtors qualify. */
const formedWarning = async (call: World['call']) => {
  const route = await newRoute(call);
  const pointIds = Array.from({ length: 40 }, (_, i) => i + 1);
  await call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds }, confirmMove: true });
  await call('tasks.form', { routeId: route.id, taskDate: '2026-11-20', criteria: {}, warnNonPayment: true, warnNonAdmittance: true });
  const formed = await call<{ rows: { id: number }[] }>('warnings.list', { status: 'formed', limit: 1 });
  if (!formed.rows[0]) throw new Error('the seeded district gave no warning to issue');
  return formed.rows[0].id;
};

describe('every write is audited by the registry itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-audit-'));
  const templates: Record<Start, string> = {
    blank: join(dir, 'blank.sqlite'),
    empty: join(dir, 'empty.sqlite'),
    district: join(dir, 'district.sqlite'),
  };
  const demoFile = join(dir, 'demo.sqlite');

  beforeAll(() => {
    openDatabase(templates.blank).close();
    createSeededDatabase(templates.district, { accounts: 40, seed: 5, asOf: '2026-11-01', commodity: 'electricity' });
    createSeededDatabase(demoFile, { accounts: 20, seed: 6, asOf: '2026-11-01', commodity: 'gas' });
    for (const file of [templates.empty, templates.district]) {
      if (file === templates.empty) openDatabase(file).close();
      const db = openDatabase(file);
      const answer = createCore(db, { version: 'test' }).dispatch('auth.setup', admin, 'uk');
      db.close();
      if (!answer.ok) throw new Error(answer.error.message);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const audited = (Object.keys(contract) as ChannelName[]).filter((name) => contract[name].effect !== 'read');

  it('knows a scenario for every channel the contract marks as writing or exporting', () => {
    expect(audited.length).toBeGreaterThan(20);
    expect(audited.filter((name) => !(name in scenarios))).toEqual([]);
  });

  it.each(audited)('%s leaves an entry naming it, who made it and what changed', async (channel) => {
    const scenario = scenarios[channel as Audited];
    const start = scenario.start ?? 'district';
    const caseDir = mkdtempSync(join(dir, 'case-'));
    const dbFile = join(caseDir, 'obhid.sqlite');
    copyFileSync(templates[start], dbFile);
    const station: Workstation = openWorkstation({
      dbFile,
      version: 'test',
      log: testLog(),
      demoFile,
      toPdf: () => Promise.resolve(Buffer.from('')),
      checkIntegrity: () => Promise.resolve('ok'),
      copyDatabase: copyConsistently,
      field: { host: '127.0.0.1', addresses: () => [] },
    });
    const call = async <T>(name: ChannelName, input: unknown): Promise<T> => {
      const answer = (await station.dispatch(name, input, 'uk')) as Envelope<T>;
      if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
      return answer.value;
    };
    try {
      await station.started;
      if (start !== 'blank' && channel !== 'auth.login') await call('auth.login', { login: admin.login, password: admin.password });
      const input = await scenario.request({ call, dir: caseDir });
      const before = entriesOf(dbFile, channel);
      await call(channel, input);
      const after = entriesOf(dbFile, channel);
      expect(after, `one more audit entry for ${channel}`).toHaveLength(before.length + 1);
      const entry = after.at(-1)!;
      expect(entry).toMatchObject({ login: admin.login, channel, entity: expect.stringMatching(/\w/) as unknown });
      expect(entry.oldValue ?? entry.newValue, 'the entry says what changed').not.toBeNull();
    } finally {
      await station.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/app';
import { openDatabase, type Db } from '../db/open';
import { createSeededDatabase } from '../seed/create-database';
import { commitFigures, entryTasks } from './entry';
import { commitRawFigure } from './entry-raw';
import { importFigures } from './import';
import { planDayFigure, planRawFigure } from './plans';
import { benchRoute, formAllFigure, formAllRawFigure } from './tasks';
import { warningFigure } from './warnings';

const dir = mkdtempSync(join(tmpdir(), 'obhid-bench-baselines-'));
let db: Db;
let core: Core;
const count = (sql: string) => db.prepare<[], number>(sql).pluck().get()!;

beforeAll(() => {
  const file = join(dir, 'district.sqlite');
  createSeededDatabase(file, { accounts: 300, seed: 7, asOf: '2026-11-01', commodity: 'electricity', walkMonths: 3 });
  db = openDatabase(file);
  core = createCore(db, { version: 'test', signedIn: { login: 'bench', fullName: 'Benchmark', role: 'admin' } });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the figures beside their raw baselines', () => {
  it('form every route three times and leave one task a route; the raw rows are as many and do not stay', () => {
    const routes = count("SELECT count(DISTINCT route_id) FROM metering_points WHERE route_id IS NOT NULL AND status = 'connected'");
    const { figure, positions } = formAllFigure(db, core, '2026-11-20');
    expect(count("SELECT count(*) FROM walk_tasks WHERE task_date = '2026-11-20'")).toBe(routes);
    const formed = count("SELECT count(*) FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id WHERE t.task_date = '2026-11-20'");
    expect(formed).toBe(positions);
    expect(figure.note).toContain(`(${routes} routes, ${positions} positions)`);

    const raw = formAllRawFigure(db, '2026-11-20', positions);
    expect(raw.note).toContain(`the same ${positions} positions`);
    expect(count("SELECT count(*) FROM walk_tasks WHERE task_date = '2026-11-20'")).toBe(routes);
    expect(count('SELECT count(*) FROM task_positions')).toBe(
      count('SELECT count(*) FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id'),
    );
    // Told a different number formed, the baseline refuses to stand under the figure.
    expect(() => formAllRawFigure(db, '2026-11-20', positions + 1)).toThrow('positions inserted');
  });

  it('commit plainly what a save commits: a reading, its position executed and an audit row each', () => {
    const nextTask = entryTasks(core, [benchRoute(db, core, 99_990, 0)], '2026-11-21');
    commitFigures(core, nextTask, 20);
    const [readings, executed, audited, tasks] = [
      count('SELECT count(*) FROM readings'),
      count("SELECT count(*) FROM task_positions WHERE status = 'executed'"),
      count('SELECT count(*) FROM audit_log'),
      count('SELECT count(*) FROM walk_tasks'),
    ];
    const lastReading = count('SELECT max(id) FROM readings');
    const raw = commitRawFigure(db, nextTask, 30);
    expect(raw).toMatchObject({ name: 'entry.commit_raw_p99_ms', unit: 'ms' });
    expect(raw.note).toContain('p99 of 30 commits');
    expect(count('SELECT count(*) FROM readings')).toBe(readings + 30);
    expect(count("SELECT count(*) FROM task_positions WHERE status = 'executed'")).toBe(executed + 30);
    // Besides the forming of each task it took (audited by the registry, as the commits' tasks are).
    expect(count('SELECT count(*) FROM audit_log')).toBe(audited + 30 + count('SELECT count(*) FROM walk_tasks') - tasks);
    // Each raw reading counts its consumption from the point's previous control reading, as a save does (none without one).
    const rawReadings = `SELECT count(*) FROM readings WHERE id > ${lastReading} AND kind = 'control'`;
    const counted = count(`${rawReadings} AND consumption = 7`);
    expect(counted).toBeGreaterThan(0);
    expect(counted + count(`${rawReadings} AND consumption IS NULL`)).toBe(30);
  });

  it('plan a day for every controller and do its reads and writes plainly, both rolled back', () => {
    const before = [count('SELECT count(*) FROM walk_tasks'), count('SELECT count(*) FROM task_positions')];
    const { figure, formed } = planDayFigure(db, '2026-11-23');
    expect(formed.positions).toBeGreaterThan(0);
    expect(figure.note).toContain(`${formed.tasks} tasks, ${formed.positions} positions`);
    const raw = planRawFigure(db, '2026-11-23', formed);
    expect(raw).toMatchObject({ name: 'plans.form_day_raw_ms', unit: 'ms' });
    expect(raw.note).toContain(`${formed.tasks} tasks and ${formed.positions} positions inserted`);
    expect([count('SELECT count(*) FROM walk_tasks'), count('SELECT count(*) FROM task_positions')]).toEqual(before);
    expect(() => planRawFigure(db, '2026-11-23', { tasks: 1, positions: 1_000_000 })).toThrow('candidates');
  });

  it('form the warnings three times and keep what one run formed', () => {
    const figure = warningFigure(db, '2026-11-20');
    const [, nonPayment, nonAdmittance] = /(\d+) non-payment, (\d+) non-admittance/.exec(figure.note)!.map(Number);
    expect(nonPayment! + nonAdmittance!).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM disconnection_warnings')).toBe(nonPayment! + nonAdmittance!);
  });

  it('import the accounts file and insert the very rows the import wrote', async () => {
    const points = count('SELECT count(*) FROM metering_points');
    const accounts = count('SELECT count(*) FROM accounts');
    const [imported, raw] = await importFigures(db, dir, 'import.accounts_0.3k_s');
    expect(imported).toMatchObject({ name: 'import.accounts_0.3k_s', unit: 's' });
    expect(imported!.note).toContain(`CSV of ${points} metering points`);
    expect(raw).toMatchObject({ name: 'import.raw_s', unit: 's' });
    expect(raw!.note).toContain(`${accounts} accounts`);
    expect(raw!.note).toContain(`${points} metering_points`);
  });
});

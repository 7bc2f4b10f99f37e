import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startupFigure } from '../bench/browser-startup';
import { rawInsertFigure } from '../bench/durable-insert';
import { taskFigures } from '../bench/tasks';
import { warningFigure, warningRawFigure } from '../bench/warnings';
import { orderFigure } from '../bench/orders';
import { expectedAllFigure, expectedRawFigure } from '../bench/validation';
import { executionMonthFigure, executionRawFigure } from '../bench/reports';
import { planDayFigure, planRawFigure } from '../bench/plans';
import { importFigure } from '../bench/import';
import { commitFigures, nextPaintFigure } from '../bench/entry';
import { percentile, print, round, writeReport, type Figure } from '../bench/figures';
import { createCore } from '../core/app';
import { backupTo } from '../db/backups';
import { openDatabase } from '../db/open';
import { createSeededDatabase } from '../seed/create-database';
import { intArg, parseArgs } from './args';

const args = parseArgs(process.argv.slice(2));
const accounts = intArg(args, 'accounts', 200_000);
const dir = mkdtempSync(join(tmpdir(), 'obhid-bench-'));
const dbFile = join(dir, 'district.sqlite');
const figures: Figure[] = [];
const record = (figure: Figure) => {
  figures.push(figure);
  print(figure);
};

const unwrapTask = (answer: ReturnType<ReturnType<typeof createCore>['dispatch']>) => {
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as { taskId: number }).taskId;
};

async function main() {
  let started = performance.now();
  // Three months of walks, so the non-admittance warnings have refused visits to count.
  createSeededDatabase(dbFile, { accounts, seed: 2026, asOf: '2026-11-01', commodity: 'electricity', walkMonths: 3 });
  record({
    name: `seed.${accounts / 1000}k_accounts_s`,
    value: round((performance.now() - started) / 1000),
    unit: 's',
    note: `npm run seed: ${accounts} accounts with 24 months of readings, bills and payments, 3 months of walks`,
  });

  record(rawInsertFigure(join(dir, 'raw.sqlite')));

  const db = openDatabase(dbFile);
  const core = createCore(db, { version: 'bench', signedIn: { login: 'bench', fullName: 'Benchmark', role: 'admin' } });
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    started = performance.now();
    const answer = core.dispatch('routes.list', { offset: (i % 3) * 50, limit: 50 }, 'uk');
    times.push(performance.now() - started);
    if (!answer.ok) throw new Error(answer.error.message);
  }
  record({
    name: 'routes.list_ms',
    value: round(percentile(times, 50), 2),
    unit: 'ms',
    note: 'median of 30 routes.list pages (50 rows with point counts) through the handler registry',
  });

  const tasks = await taskFigures(db, core, '2026-11-20');
  tasks.figures.forEach(record);
  record(warningRawFigure(db));
  record(warningFigure(db, '2026-11-20'));
  record(orderFigure(db, core, '2026-11-20', '2026-12-10'));
  record(expectedRawFigure(db, '2026-11-20'));
  record(expectedAllFigure(db, '2026-11-20'));
  // The last whole month of the seeded walks.
  record(executionRawFigure(db, '2026-10'));
  record(executionMonthFigure(core, '2026-10'));
  // The Monday after the tasks above: their points are not still to be visited on it.
  record(planRawFigure(db, '2026-11-23'));
  record(planDayFigure(db, '2026-11-23'));
  const entryTask = (date: string) =>
    unwrapTask(core.dispatch('tasks.form', { routeId: tasks.routeId, taskDate: date, criteria: {} }, 'uk'));
  commitFigures(core, entryTask('2026-11-21'), '2026-11-21').forEach(record);
  const paintTask = entryTask('2026-11-22');
  const operator = { login: 'bench-operator', password: 'bench-password' };
  core.dispatch('users.save', { ...operator, fullName: 'Benchmark', role: 'operator' }, 'uk');
  started = performance.now();
  await backupTo(db, join(dir, 'backup.sqlite'));
  record({
    name: 'backup.200k_db_s',
    value: round((performance.now() - started) / 1000),
    unit: 's',
    note: 'online backup (SQLite backup API) of the whole 200k-account database, as at start and close',
  });
  rmSync(join(dir, 'backup.sqlite'), { force: true });
  record(await importFigure(db, dir));
  db.close();
  record(await nextPaintFigure(resolve(__dirname, 'web-main.cjs'), dbFile, paintTask, operator));

  record(await startupFigure(resolve(__dirname, 'web-main.cjs'), dbFile));

  if (accounts === 200_000) writeReport(resolve('BENCHMARKS.md'), 'npm run bench', figures);
  else console.log(`(BENCHMARKS.md left as it is: it records the 200k district, this run had ${accounts})`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addressNumberKey, houseSortKey } from '../core/addresses/house-number';
import { ukSortKey } from '../core/collation/uk-sort-key';
import { openDatabase } from '../db/open';
import { createSeededDatabase } from './create-database';
import { warningRules } from '../core/disconnection/warning-rules';

const dir = mkdtempSync(join(tmpdir(), 'obhid-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { accounts: 1200, seed: 7, asOf: '2026-11-22', commodity: 'electricity' as const };

const fingerprint = (file: string) => {
  const db = openDatabase(file);
  const row = db
    .prepare(
      `SELECT
    (SELECT group_concat(number || full_name, '|') FROM (SELECT number, full_name FROM accounts ORDER BY id LIMIT 50)) AS names,
    (SELECT sum(value) FROM readings) AS readingSum, (SELECT sum(amount_kop - paid_kop) FROM bills) AS owed`,
    )
    .get();
  db.close();
  return row;
};

describe('demo district', () => {
  const file = join(dir, 'a.sqlite');
  const summary = createSeededDatabase(file, options);

  it('has the asked number of accounts, two years of data and routes', () => {
    expect(summary.accounts).toBe(1200);
    expect(summary.bills).toBe(1200 * 24);
    expect(summary.readings).toBeGreaterThan(1200 * 20);
    expect(summary.routes).toBeGreaterThan(0);
    expect(summary.debtors).toBeGreaterThan(60);
  });

  it('is the same for the same seed and different for another', () => {
    createSeededDatabase(join(dir, 'b.sqlite'), options);
    createSeededDatabase(join(dir, 'c.sqlite'), { ...options, seed: 8 });
    expect(fingerprint(join(dir, 'b.sqlite'))).toEqual(fingerprint(file));
    expect(fingerprint(join(dir, 'c.sqlite'))).not.toEqual(fingerprint(file));
  });

  it('looks like a real district', () => {
    const db = openDatabase(file);
    const one = <T>(sql: string) => db.prepare(sql).get() as T;
    // House numbers with letters and buildings occur, and their sort keys order them naturally.
    expect(one<{ n: number }>("SELECT count(*) AS n FROM houses WHERE number GLOB '*[^0-9]*'").n).toBeGreaterThan(0);
    // Readings only run to the month before "today" and never exceed the meter's digits.
    expect(one<{ last: string }>('SELECT max(taken_on) AS last FROM readings').last < '2026-11-01').toBe(true);
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM readings r JOIN meters m ON m.point_id = r.point_id WHERE r.value >= power(10, m.digits)',
      ).n,
    ).toBe(0);
    // Some points have had no control reading for over six months.
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM metering_points p WHERE NOT EXISTS
      (SELECT 1 FROM readings r WHERE r.point_id = p.id AND r.kind = 'control' AND r.taken_on >= '2026-05-22')`).n,
    ).toBeGreaterThan(0);
    // Some points are not on any route yet, and no point is on two.
    expect(one<{ n: number }>('SELECT count(*) AS n FROM metering_points WHERE route_id IS NULL').n).toBeGreaterThan(0);
    // The bills hold every payment, as the billing system's last file would: nothing waits to be applied.
    expect(one<{ n: number }>('SELECT count(*) AS n FROM payments WHERE applied_kop <> amount_kop').n).toBe(0);
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM accounts a WHERE a.bills_imported_on IS NULL OR
      (SELECT coalesce(sum(y.applied_kop), 0) FROM payments y WHERE y.account_id = a.id) !=
      (SELECT coalesce(sum(b.paid_kop), 0) FROM bills b JOIN metering_points p ON p.id = b.point_id WHERE p.account_id = a.id)`).n,
    ).toBe(0);
    expect(one<{ n: number }>('PRAGMA integrity_check') as unknown).toEqual({ integrity_check: 'ok' });
    db.close();
  });

  it('stores the sort key of every name, house and apartment, as the directories would', () => {
    const db = openDatabase(file);
    const mismatches = (sql: string, key: (value: string) => string) =>
      db
        .prepare<[], { value: string; key: string }>(sql)
        .all()
        .filter((row) => row.key !== key(row.value));
    for (const table of ['settlements', 'streets', 'sections']) {
      expect(mismatches(`SELECT name AS value, name_key AS key FROM ${table}`, ukSortKey), table).toEqual([]);
    }
    for (const table of ['employees', 'accounts']) {
      expect(mismatches(`SELECT full_name AS value, name_key AS key FROM ${table}`, ukSortKey), table).toEqual([]);
    }
    expect(mismatches('SELECT number AS value, sort_key AS key FROM houses', houseSortKey)).toEqual([]);
    expect(mismatches('SELECT apartment AS value, apartment_key AS key FROM metering_points', addressNumberKey)).toEqual([]);
    db.close();
  });

  it('puts some meters near rollover in a large district', () => {
    const big = createSeededDatabase(join(dir, 'big.sqlite'), { ...options, accounts: 4000 });
    expect(big.nearRollover).toBeGreaterThan(0);
    const db = openDatabase(join(dir, 'big.sqlite'));
    // A rolled-over meter shows a later reading lower than an earlier one.
    const wrapped = db
      .prepare(
        `SELECT count(DISTINCT a.point_id) AS n FROM readings a JOIN readings b
      ON b.point_id = a.point_id AND b.taken_on > a.taken_on AND b.value < a.value`,
      )
      .get() as { n: number };
    expect(wrapped.n).toBeGreaterThan(0);
    db.close();
  });

  it('can add months of walks: the points nobody could read, visited twice a month and refused, with nothing else changed', () => {
    const walked = join(dir, 'walked.sqlite');
    const summary = createSeededDatabase(walked, { ...options, walkMonths: 3 });
    expect(fingerprint(walked)).toEqual(fingerprint(file));
    expect(summary.walkTasks).toBeGreaterThan(0);
    expect(summary.refusedVisits).toBeGreaterThan(0);
    const db = openDatabase(walked);
    const one = <T>(sql: string) => db.prepare(sql).get() as T;
    // August to the day before "today" (22 November).
    const span = one<{ first: string; last: string; n: number }>(
      'SELECT min(task_date) AS first, max(task_date) AS last, count(*) AS n FROM walk_tasks',
    );
    expect(span.first.slice(0, 7)).toBe('2026-08');
    expect(span.last >= '2026-11-01' && span.last < '2026-11-22').toBe(true);
    expect(span.n).toBe(summary.walkTasks);
    // Every position entered as not executed with a reason, on or after its task's day and before "today".
    const counts = one<{ n: number; entered: number; points: number }>(
      `SELECT count(*) AS n, sum(tp.status = 'not_executed' AND tp.reason_code IS NOT NULL AND tp.checked_on >= t.task_date
         AND tp.checked_on < '2026-11-22') AS entered, count(DISTINCT tp.point_id) AS points
       FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id`,
    );
    expect(counts.entered).toBe(counts.n);
    // The walked points are the ones without a control reading, never one read in the meantime.
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM task_positions tp
        WHERE EXISTS (SELECT 1 FROM readings r WHERE r.point_id = tp.point_id AND r.kind = 'control')`).n,
    ).toBe(0);
    // So the non-admittance rule has real work: some points qualify, most walked ones do not.
    const rules = warningRules(db);
    const points = db.prepare<[], number>('SELECT id FROM metering_points').pluck().all();
    const warned = rules.nonAdmittance(points, '2026-11-22', rules.settings()).length;
    expect(warned).toBeGreaterThan(0);
    expect(warned).toBeLessThan(counts.points / 4);
    db.close();
  });

  it('refuses to overwrite an existing file', () => {
    expect(() => createSeededDatabase(file, options)).toThrow(/вже існує/);
  });

  it("is built for the local calendar day when no date is given, not for UTC's", () => {
    const zoneBefore = process.env.TZ;
    process.env.TZ = 'Europe/Kyiv';
    vi.useFakeTimers({ toFake: ['Date'] });
    // 00:30 on 1 December in Kyiv: UTC still says 30 November, so a UTC "today" would leave November out.
    vi.setSystemTime(new Date('2026-11-30T22:30:00Z'));
    try {
      const local = join(dir, 'local-day.sqlite');
      createSeededDatabase(local, { accounts: 60, seed: 3, commodity: 'electricity' });
      const db = openDatabase(local);
      const last = db.prepare('SELECT max(period) AS period, max(delivered_on) AS delivered FROM bills').get();
      db.close();
      // Bills run to the month before the district's "today": November's is there, delivered in December.
      expect(last).toMatchObject({ period: '2026-11' });
      expect((last as { delivered: string }).delivered >= '2026-12-01').toBe(true);
    } finally {
      vi.useRealTimers();
      if (zoneBefore === undefined) delete process.env.TZ;
      else process.env.TZ = zoneBefore;
    }
  });
});

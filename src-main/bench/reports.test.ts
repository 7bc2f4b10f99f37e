import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/app';
import { openDatabase } from '../db/open';
import { createSeededDatabase } from '../seed/create-database';
import { executionMonthFigure, executionRawFigure } from './reports';

const dir = mkdtempSync(join(tmpdir(), 'obhid-bench-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the task-execution report figures', () => {
  it('count the same positions of the month, the report through the registry and the raw select plainly', () => {
    const file = join(dir, 'district.sqlite');
    createSeededDatabase(file, { accounts: 200, seed: 7, asOf: '2026-11-01', commodity: 'electricity', walkMonths: 3 });
    const db = openDatabase(file);
    try {
      const core = createCore(db, { version: 'test', signedIn: { login: 'bench', fullName: 'Benchmark', role: 'admin' } });
      const positions = db
        .prepare<[], number>(
          "SELECT count(*) FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id WHERE t.task_date LIKE '2026-10-%'",
        )
        .pluck()
        .get()!;
      expect(positions).toBeGreaterThan(0);
      const report = executionMonthFigure(core, '2026-10');
      const raw = executionRawFigure(db, '2026-10');
      expect(report).toMatchObject({ name: 'reports.execution_month_ms', unit: 'ms' });
      expect(report.note).toContain(`, ${positions} positions`);
      expect(raw).toMatchObject({ name: 'reports.raw_select_ms', unit: 'ms' });
      expect(raw.note).toContain(`of the ${positions} task positions of 2026-10`);
    } finally {
      db.close();
    }
  });
});

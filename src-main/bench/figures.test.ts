import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  changesHeading,
  growthFigure,
  medianOfRuns,
  percentile,
  ratioFigure,
  sizeLabel,
  stemOf,
  wholeJobRuns,
  writeReport,
} from './figures';

const dir = mkdtempSync(join(tmpdir(), 'obhid-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the benchmark report', () => {
  it('rewrites the figures and keeps the account of what changed them', () => {
    const file = join(dir, 'BENCHMARKS.md');
    writeReport(file, 'npm run bench', [{ name: 'a.ms', value: 1, unit: 'ms', note: 'first' }]);
    expect(readFileSync(file, 'utf8')).not.toContain(changesHeading);
    const changes = `${changesHeading}\n\n- a.ms 9 → 1 ms: an index.\n`;
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n${changes}`);
    writeReport(file, 'npm run bench', [{ name: 'a.ms', value: 2, unit: 'ms', note: 'second' }]);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('| `a.ms` | 2 | ms | second |');
    expect(text).not.toContain('first');
    expect(text.endsWith(`|\n\n${changes}`)).toBe(true);
  });
});

describe('figures beside their baselines', () => {
  const figure = (name: string, value: number, unit = 'ms') => ({ name, value, unit, note: '' });

  it('names a ratio or a growth after the figure, without its unit', () => {
    expect(stemOf('tasks.form_all_ms')).toBe('tasks.form_all');
    expect(stemOf('import.accounts_200k_s')).toBe('import.accounts_200k');
    expect(stemOf('backup.unchanged_copies')).toBe('backup.unchanged_copies');
    expect(sizeLabel(200_000)).toBe('200k');
    expect(sizeLabel(2_500)).toBe('2.5k');
  });

  it('divides a figure by its raw baseline of the same run and states the goal', () => {
    expect(ratioFigure(figure('tasks.form_all_ms', 2584), figure('tasks.form_all_raw_ms', 1000))).toEqual({
      name: 'tasks.form_all_ratio',
      value: 2.58,
      unit: '×',
      note: 'tasks.form_all_ms / tasks.form_all_raw_ms, this run; goal ≤ 2',
    });
    expect(ratioFigure(figure('entry.commit_p99_ms', 4.22), figure('sqlite.raw_insert_p99_ms', 0.31)).value).toBe(13.61);
    // A baseline rounded to nothing gives no ratio rather than an infinite one.
    expect(ratioFigure(figure('reports.execution_month_ms', 2), figure('reports.raw_select_ms', 0)).value).toBeNaN();
    expect(() => ratioFigure(figure('import.accounts_200k_s', 8, 's'), figure('import.raw_ms', 900))).toThrow('in s');
    // A figure with a second baseline names its second ratio.
    expect(ratioFigure(figure('startup.ready_ms', 600), figure('startup.raw_page_ms', 250), { name: 'startup.ready_page_ratio' })).toEqual({
      name: 'startup.ready_page_ratio',
      value: 2.4,
      unit: '×',
      note: 'startup.ready_ms / startup.raw_page_ms, this run; goal ≤ 2',
    });
    expect(ratioFigure(figure('a_ms', 3), figure('a_raw_ms', 1), { goal: 3 }).note).toContain('goal ≤ 3');
  });

  it('measures growth against linear: ten times the accounts may take eleven times as long', () => {
    const grown = growthFigure(figure('import.accounts_20k_s', 0.8, 's'), figure('import.accounts_200k_s', 7.9, 's'), {
      small: 20_000,
      large: 200_000,
    });
    expect(grown).toEqual({
      name: 'import.accounts_growth',
      value: 9.88,
      unit: '×',
      note: 'import.accounts_200k_s / import.accounts_20k_s: 200000 accounts over 20000, this run; goal ≤ 11 (linear)',
    });
    expect(
      growthFigure(figure('tasks.form_all_20k_ms', 250), figure('tasks.form_all_ms', 2584), { small: 20_000, large: 200_000 }).name,
    ).toBe('tasks.form_all_growth');
    // A raw baseline's growth is named after it and sets no goal.
    expect(
      growthFigure(figure('import.raw_20k_s', 0.3, 's'), figure('import.raw_s', 3.9, 's'), { small: 20_000, large: 200_000 }, 'baseline'),
    ).toMatchObject({ name: 'import.raw_growth', value: 13, note: expect.stringMatching(/the plain work alone, no goal$/) as unknown });
  });

  it('takes the median of whole runs, undoing what each left behind but the last', () => {
    const rows: number[] = [];
    const undone: number[] = [];
    const { value } = medianOfRuns(() => (rows.push(rows.length), rows.length), {
      mark: () => rows.length,
      undo: (before) => undone.push(rows.splice(before).length),
    });
    expect(undone).toEqual(Array.from({ length: wholeJobRuns - 1 }, () => 1));
    expect(rows).toEqual([0]);
    expect(value).toBe(1);
    medianOfRuns(() => rows.push(9), { mark: () => rows.length, undo: (before) => void rows.splice(before), undoLast: true });
    expect(rows).toEqual([0]);
  });

  it('reads percentiles as the sample at or above that share', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(percentile(samples, 50)).toBe(500);
    expect(percentile(samples, 99)).toBe(990);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });
});

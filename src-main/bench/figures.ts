import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { localToday } from '../../shared/dates';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  note: string;
}

export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
};

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** A whole job (forming every route, an import, a start) is timed this many times and its median reported. */
export const wholeJobRuns = 3;

/** Milliseconds `work` took, and what it answered. */
export function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

export async function timedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/**
 * Work repeated on the same database: `mark` notes where it stands before a run, `undo` takes the
 * run's rows out again (not timed) after every run but the last — or after the last too, for a
 * baseline whose rows must not stay.
 */
export interface Rerun<M> {
  mark: () => M;
  undo: (mark: M) => void;
  undoLast?: boolean;
}

/** The median of `wholeJobRuns` timed runs of `work`, and what the last run answered. */
export function medianOfRuns<T, M = void>(work: () => T, rerun?: Rerun<M>): { ms: number; value: T } {
  const times: number[] = [];
  let value: T | undefined;
  for (let run = 0; run < wholeJobRuns; run++) {
    const mark = rerun?.mark();
    const result = timed(work);
    times.push(result.ms);
    value = result.value;
    if (rerun && (run < wholeJobRuns - 1 || rerun.undoLast)) rerun.undo(mark as M);
  }
  return { ms: percentile(times, 50), value: value as T };
}

export async function medianOfRunsAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let run = 0; run < wholeJobRuns; run++) {
    const result = await timedAsync(work);
    times.push(result.ms);
    value = result.value;
  }
  return { ms: percentile(times, 50), value: value as T };
}

/** `tasks.form_all_ms` → `tasks.form_all`: the name a figure's ratio or growth is named after. */
export const stemOf = (name: string) => name.replace(/_(ms|s)$/, '');

/** 200000 → `200k`, the district's size as figure names carry it. */
export const sizeLabel = (accounts: number) => `${accounts / 1000}k`;

/**
 * A figure over its raw baseline from the same run: the plain work SQLite, Node or Chromium does
 * for the same rows, with none of our rules. The goal is issue 16's: at most twice the raw cost.
 * A figure with two baselines names its second ratio itself.
 */
export function ratioFigure(figure: Figure, baseline: Figure, options: { goal?: number; name?: string } = {}): Figure {
  if (figure.unit !== baseline.unit) throw new Error(`${figure.name} is in ${figure.unit}, ${baseline.name} in ${baseline.unit}`);
  return {
    name: options.name ?? `${stemOf(figure.name)}_ratio`,
    value: baseline.value > 0 ? round(figure.value / baseline.value, 2) : Number.NaN,
    unit: '×',
    note: `${figure.name} / ${baseline.name}, this run; goal ≤ ${options.goal ?? 2}`,
  };
}

/**
 * How a figure grows with the district: its time on the large district over the same work on the
 * small one. Linear growth is the goal, with a tenth to spare (≤ 11 for ten times the points). A raw
 * baseline's growth has no goal: it is how SQLite's own plain work grows here, to read the figure's by.
 */
export function growthFigure(
  small: Figure,
  large: Figure,
  sizes: { small: number; large: number },
  of: 'figure' | 'baseline' = 'figure',
): Figure {
  if (small.unit !== large.unit) throw new Error(`${small.name} is in ${small.unit}, ${large.name} in ${large.unit}`);
  const goal = round(1.1 * (sizes.large / sizes.small), 1);
  return {
    name: `${stemOf(large.name).replace(/_[\d.]+k$/, '')}_growth`,
    value: small.value > 0 ? round(large.value / small.value, 2) : Number.NaN,
    unit: '×',
    note: `${large.name} / ${small.name}: ${sizes.large} accounts over ${sizes.small}, this run; ${of === 'figure' ? `goal ≤ ${goal} (linear)` : 'the plain work alone, no goal'}`,
  };
}

/** Prints one `name value unit` line, the format scripts and the closing notes quote. */
export function print(figure: Figure): void {
  console.log(`${figure.name} ${figure.value} ${figure.unit}`);
}

/** Where the hand-written account of what moved the figures starts; a run keeps it as it is. */
export const changesHeading = '## What changed the figures';

/**
 * BENCHMARKS.md is rewritten from the run, so the figures there are always the last measured ones;
 * the section under `changesHeading` (before and after, and what bought it) is carried over.
 */
export function writeReport(file: string, command: string, figures: readonly Figure[]): void {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const changes = before.includes(`\n${changesHeading}\n`) ? before.slice(before.indexOf(`\n${changesHeading}\n`) + 1) : null;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmarks',
    '',
    `Produced by \`${command}\` on ${localToday()}: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.versions.node}.`,
    'The table is rewritten by every run. A figure with a raw baseline (the plain work SQLite, Node or Chromium does for the same rows)',
    'is followed by it and by `<name>_ratio`, goal ≤ 2; `<name>_growth` is the figure over the same work on a district a tenth the size, goal ≤ 11.',
    '',
    '| figure | value | unit | what is measured |',
    '| --- | ---: | --- | --- |',
    ...figures.map((f) => `| \`${f.name}\` | ${f.value} | ${f.unit} | ${f.note} |`),
    '',
  ];
  writeFileSync(file, lines.join('\n') + (changes === null ? '' : `\n${changes}`));
}

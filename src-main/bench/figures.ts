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
    'The table is rewritten by every run; compare figures against `sqlite.raw_insert_p99_ms` of the same run.',
    '',
    '| figure | value | unit | what is measured |',
    '| --- | ---: | --- | --- |',
    ...figures.map((f) => `| \`${f.name}\` | ${f.value} | ${f.unit} | ${f.note} |`),
    '',
  ];
  writeFileSync(file, lines.join('\n') + (changes === null ? '' : `\n${changes}`));
}

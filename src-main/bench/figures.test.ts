import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changesHeading, writeReport } from './figures';

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

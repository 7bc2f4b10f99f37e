import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('what the shipped hosts are made of', () => {
  it('holds no seed generator, benchmark or test fixture: demo data comes only from the file built beside the app', () => {
    const { metafile } = buildSync({
      entryPoints: ['src-main/hosts/electron/main.ts', 'src-main/hosts/web/main.ts', 'src-main/hosts/electron/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      outdir: 'unused',
      metafile: true,
      define: { __APP_VERSION__: '"test"' },
      external: ['better-sqlite3', 'electron', 'electron-log', 'exceljs', 'papaparse'],
      logLevel: 'silent',
    });
    const sources = Object.keys(metafile.inputs);
    expect(sources.some((file) => file.startsWith('src-main/core/registry'))).toBe(true);
    expect(
      sources.filter((file) => /^(src-main\/(seed|bench)\/|src-main\/cli\/(seed|bench|web-demo|demo-asset)\.ts$|tests\/)/.test(file)),
    ).toEqual([]);
  });
});

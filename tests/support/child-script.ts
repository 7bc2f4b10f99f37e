import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Bundles a test's child-process script (one the test will kill) next to node_modules, so the
 * child finds better-sqlite3 as the app does; returns the file to run with node.
 */
export function bundleChildScript(entry: string): string {
  const cacheDir = resolve('node_modules/.cache/obhid');
  mkdirSync(cacheDir, { recursive: true });
  const outfile = join(cacheDir, `${entry.replace(/^.*\//, '').replace(/\.ts$/, '')}.cjs`);
  buildSync({
    entryPoints: [resolve(entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  return outfile;
}

// Bundles the main-process entries into build/main. better-sqlite3 (native) and electron stay external.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  // date-holidays is loaded on first use with createRequire (src-main/core/calendar/working-days.ts).
  external: ['better-sqlite3', 'electron', 'electron-log', '@playwright/test', 'playwright-core', 'exceljs', 'papaparse', 'date-holidays'],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
  outdir: 'build/main',
};
await build({
  ...common,
  // import.meta.url as an ES module has it (the sources are ES modules): the bundle's own file.
  define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  entryPoints: {
    'seed-cli': 'src-main/cli/seed.ts',
    'bench-cli': 'src-main/cli/bench.ts',
    // web-main and electron-main are the entries that start Node's compile cache, then load the
    // host bundles web-host and electron-host (see src-main/hosts/compile-cache.ts).
    'web-main': 'src-main/hosts/web/launch.ts',
    'web-host': 'src-main/hosts/web/main.ts',
    'web-demo': 'src-main/cli/web-demo.ts',
    'demo-asset': 'src-main/cli/demo-asset.ts',
    'start-electron': 'src-main/hosts/electron/start.ts',
    'electron-main': 'src-main/hosts/electron/launch.ts',
    'electron-host': 'src-main/hosts/electron/main.ts',
    'integrity-worker': 'src-main/hosts/integrity-worker.ts',
    'backup-worker': 'src-main/hosts/backup-worker.ts',
  },
});
// The preload runs sandboxed: one self-contained file that may require only 'electron'.
await build({ ...common, entryPoints: { preload: 'src-main/hosts/electron/preload.ts' } });

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebMain } from '../../src-main/bench/web-process';
import { createSeededDatabase } from '../../src-main/seed/create-database';
import { electronBinary } from '../../src-main/hosts/electron/electron-binary';
import { createCore } from '../../src-main/core/app';
import { openDatabase } from '../../src-main/db/open';
import { e2eAdmin, e2eDistrict } from './district';
import { electronAbsent } from './electron-absent';

/**
 * Seeds a small but realistic district in a temp folder and serves it in browser mode, the way a
 * user runs `npm run web`. Tests reach the URL and the database file through the environment.
 */
export default async function globalSetup() {
  // The list reporter shows a skipped test by its title only; say why where the run is read.
  if (electronBinary() === null) console.log(`Electron shell test will be skipped: ${electronAbsent}`);
  const dir = mkdtempSync(join(tmpdir(), 'obhid-e2e-'));
  const dbFile = join(dir, 'district.sqlite');
  createSeededDatabase(dbFile, e2eDistrict);
  const db = openDatabase(dbFile);
  const setup = createCore(db, { version: 'e2e' }).dispatch('auth.setup', e2eAdmin, 'uk');
  db.close();
  if (!setup.ok) throw new Error(setup.error.message);
  const host = startWebMain(resolve('build/main/web-main.cjs'), dbFile);
  process.env.OBHID_E2E_URL = await host.url;
  process.env.OBHID_E2E_DB = dbFile;
  return async () => {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

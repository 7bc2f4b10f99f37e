import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeededDatabase } from '../../src-main/seed/create-database';
import { electronBinary } from '../../src-main/hosts/electron/electron-binary';
import { createCore } from '../../src-main/core/app';
import { openDatabase } from '../../src-main/db/open';
import { templateEnv } from './district-host';
import { e2eAdmin, e2eDistrict } from './district';
import { electronAbsent } from './electron-absent';

/**
 * Seeds a small but realistic district once, with its administrator, as the template every spec
 * file copies: each file then gets its own database and browser-mode host (see district-host.ts),
 * so files run in any order and side by side.
 */
export default function globalSetup() {
  // The list reporter shows a skipped test by its title only; say why where the run is read.
  if (electronBinary() === null) console.log(`Electron shell test will be skipped: ${electronAbsent}`);
  const dir = mkdtempSync(join(tmpdir(), 'obhid-e2e-'));
  const template = join(dir, 'template', 'district.sqlite');
  mkdirSync(join(dir, 'template'));
  createSeededDatabase(template, e2eDistrict);
  const db = openDatabase(template);
  const setup = createCore(db, { version: 'e2e' }).dispatch('auth.setup', e2eAdmin, 'uk');
  // Everything into the main file before closing: the copies take the file alone.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  if (!setup.ok) throw new Error(setup.error.message);
  if (existsSync(`${template}-wal`)) throw new Error(`${template}-wal is left after closing the template.`);
  process.env[templateEnv.file] = template;
  process.env[templateEnv.dir] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

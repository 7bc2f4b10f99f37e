import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runBrowserMode } from '../hosts/web/run';
import { createSeededDatabase, demoDefaults } from '../seed/create-database';
import { intArg, parseArgs } from './args';

/**
 * `npm run web`: the demo. A developer's tool, not the app: on first run it seeds a demo district
 * (the app itself never creates demo data unasked), then serves it in browser mode.
 * `--first-start` serves a new, empty database instead, exactly as a new installation starts.
 */
const args = parseArgs(process.argv.slice(2));
const firstStart = args.has('first-start');
const dbFile = resolve(args.get('db') ?? (firstStart ? `.data/first-start-${Date.now()}.sqlite` : '.data/demo.sqlite'));
if (firstStart && existsSync(dbFile)) {
  console.error(`--first-start needs a new database file; ${dbFile} already exists.`);
  process.exit(2);
}
if (!firstStart && !existsSync(dbFile)) {
  console.log(`Створюю демонстраційну базу (${demoDefaults.accounts} о/р) / creating the demo district: ${dbFile}`);
  createSeededDatabase(dbFile, demoDefaults);
}
runBrowserMode({ dbFile, port: intArg(args, 'port', 5170) }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

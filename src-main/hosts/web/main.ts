import { resolve } from 'node:path';
import { intArg, parseArgs } from '../../cli/args';
import { runBrowserMode } from './run';

/**
 * The browser-mode host as the app ships it: like the Electron window, a new database file starts
 * empty with the first-start screen. (`npm run web` goes through the demo tool instead.)
 */
const args = parseArgs(process.argv.slice(2));
runBrowserMode({ dbFile: resolve(args.get('db') ?? '.data/obhid.sqlite'), port: intArg(args, 'port', 5170) }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { resolve } from 'node:path';
import { intArg, parseArgs } from '../../cli/args';
import { createCore } from '../../core/app';
import { openOrCreateDemo } from '../open-or-create';
import { createHostDispatch, sheetPdfHandler } from '../host-channels';
import { chromiumPdf } from './chromium-pdf';
import { startWebHost } from './server';


async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dbFile = resolve(args.get('db') ?? '.data/demo.sqlite');
  const db = openOrCreateDemo(dbFile, (line) => console.log(line));
  const core = createCore(db, { version: __APP_VERSION__ });
  const dispatch = createHostDispatch(core, {
    'print.sheetPdf': sheetPdfHandler(core, chromiumPdf),
    // The browser's own print dialog prints the preview the user is looking at.
    'print.sheet': async () => ({ ok: true, value: { printedByHost: false } }),
  });
  const host = await startWebHost({ dispatch, staticDir: resolve(__dirname, '../renderer'), port: intArg(args, 'port', 5170) });
  console.log(`Обхід (браузерний режим) — база ${dbFile}`);
  console.log(`Відкрийте / open: ${host.url}`);
  const stop = async () => {
    await host.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { resolve } from 'node:path';
import { intArg, parseArgs } from '../../cli/args';
import { openWorkstation } from '../workstation';
import { chromiumPdf } from './chromium-pdf';
import { startWebHost } from './server';

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dbFile = resolve(args.get('db') ?? '.data/demo.sqlite');
  const workstation = openWorkstation({ dbFile, version: __APP_VERSION__, log: (line) => console.log(line), toPdf: chromiumPdf });
  const host = await startWebHost({
    dispatch: workstation.dispatch,
    staticDir: resolve(__dirname, '../renderer'),
    port: intArg(args, 'port', 5170),
  });
  console.log(`Обхід (браузерний режим) — база ${dbFile}`);
  console.log(`Відкрийте / open: ${host.url}`);
  const stop = async () => {
    await host.close();
    await workstation.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

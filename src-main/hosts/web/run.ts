import electronLog from 'electron-log/node';
import { resolve } from 'node:path';
import { hostLog } from '../logging';
import { openWorkstation } from '../workstation/index';
import { chromiumPdf } from './chromium-pdf';
import { startWebHost } from './server';

/** Browser mode: the workstation on one database file, served on 127.0.0.1 until SIGINT or SIGTERM. */
export async function runBrowserMode(options: { dbFile: string; port: number }): Promise<void> {
  const { dbFile } = options;
  const log = hostLog(electronLog, dbFile);
  // build/main/web-main.cjs → build/demo/
  const demoFile = resolve(__dirname, '..', 'demo', 'demo-district.sqlite');
  const workstation = openWorkstation({
    dbFile,
    version: __APP_VERSION__,
    log,
    toPdf: chromiumPdf,
    demoFile,
    // build/main/web-main.cjs → build/phone/: the controllers' phone app, served by the field listener.
    field: { phoneDir: resolve(__dirname, '..', 'phone') },
  });
  const host = await startWebHost({ dispatch: workstation.dispatch, staticDir: resolve(__dirname, '../renderer'), port: options.port });
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

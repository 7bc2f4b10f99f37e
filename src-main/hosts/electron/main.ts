import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join, resolve } from 'node:path';
import { parseArgs } from '../../cli/args';
import { createCore } from '../../core/app';
import type { Db } from '../../db/open';
import { openOrCreateDemo } from '../open-or-create';
import { createHostDispatch, loadSheet, sheetPdfHandler } from '../host-channels';
import { serveOverIpc } from './ipc';
import { electronPdf, electronPrint } from './print';
import { createMainWindow, isAppUrl } from './window';


// build/main/electron-main.cjs → build/
const buildDir = resolve(__dirname, '..');
let db: Db | undefined;

if (!app.requestSingleInstanceLock()) {
  // Two windows on one database would let two operators think they saved the same position.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(start, (error: unknown) => fail(error));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => db?.close());
}

function start() {
  try {
    const args = parseArgs(process.argv.slice(1));
    const dbFile = resolve(args.get('db') ?? join(app.getPath('userData'), 'obhid.sqlite'));
    db = openOrCreateDemo(dbFile, (line) => console.log(line));
    const core = createCore(db, { version: __APP_VERSION__ });
    const dispatch = createHostDispatch(core, {
      'print.sheetPdf': sheetPdfHandler(core, electronPdf),
      'print.sheet': async (input, { locale }) => {
        const sheet = loadSheet(core, input, locale);
        if (!sheet.ok) return sheet;
        await electronPrint(sheet.value.html);
        return { ok: true, value: { printedByHost: true } };
      },
    });
    serveOverIpc(dispatch, isAppUrl(buildDir));
    // The renderer draws the UENS-style menu itself; the native bar would only duplicate it.
    Menu.setApplicationMenu(null);
    createMainWindow(buildDir);
  } catch (error) {
    fail(error);
  }
}

function fail(error: unknown) {
  dialog.showErrorBox('Обхід', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

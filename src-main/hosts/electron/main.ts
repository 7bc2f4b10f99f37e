import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join, resolve } from 'node:path';
import { parseArgs } from '../../cli/args';
import electronLog from 'electron-log/main';
import { hostLog } from '../logging';
import { openWorkstation, type Workstation } from '../workstation/index';
import { serveOverIpc } from './ipc';
import { electronPdf, electronPrint } from './print';
import { createMainWindow, isAppUrl } from './window';

// build/main/electron-main.cjs → build/
const buildDir = resolve(__dirname, '..');
let workstation: Workstation | undefined;
let closing = false;

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
  // The closing backup is written before the process goes; quitting waits for it.
  app.on('will-quit', (event) => {
    if (!workstation || closing) return;
    event.preventDefault();
    closing = true;
    void workstation.close().finally(() => app.exit(0));
  });
}

function start() {
  try {
    const args = parseArgs(process.argv.slice(1));
    const dbFile = resolve(args.get('db') ?? join(app.getPath('userData'), 'obhid.sqlite'));
    const log = hostLog(electronLog, dbFile);
    // A renderer or GPU process that dies, a page that stops answering: into the same log file.
    electronLog.eventLogger.startLogging();
    workstation = openWorkstation({
      dbFile,
      version: __APP_VERSION__,
      log,
      toPdf: electronPdf,
      print: electronPrint,
      demoFile: join(buildDir, 'demo', 'demo-district.sqlite'),
      field: { phoneDir: join(buildDir, 'phone') },
    });
    serveOverIpc(workstation.dispatch, isAppUrl(buildDir));
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

import { BrowserWindow } from 'electron';

/**
 * The sheet is printed from a hidden window of its own: no preload, no scripts, the HTML the
 * preview shows. Electron's engine then does what the browser's print does in browser mode.
 */
async function withSheetWindow<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await use(window);
  } finally {
    window.destroy();
  }
}

export const electronPdf = (html: string): Promise<Buffer> =>
  withSheetWindow(html, (window) => window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }));

/** The system print dialog for the local printer. */
export const electronPrint = (html: string): Promise<boolean> =>
  withSheetWindow(
    html,
    (window) => new Promise((resolve) => window.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success))),
  );

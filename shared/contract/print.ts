import { channel } from './define';
import { sheetOptions } from './tasks';

/**
 * Served by the host itself rather than the core: turning a sheet into PDF needs a browser
 * engine (Electron's printToPDF, or Chromium beside the browser-mode host).
 */
export const printChannels = {
  'print.sheetPdf': channel<{ fileName: string; base64: string; pages: number }>()(sheetOptions),
};

import { read } from './define';
import { noticeOptions } from './notices';
import { sheetOptions, sheetsOptions } from './tasks';

/**
 * Served by the host itself rather than the core: printing and PDF need a browser engine
 * (Electron's webContents, or Chromium beside the browser-mode host).
 */
export const printChannels = {
  'print.sheetPdf': read<{ fileName: string; base64: string; pages: number }>()(sheetOptions),
  /** The system print dialog where the host has one; otherwise the page prints its own preview. */
  'print.sheet': read<{ printedByHost: boolean }>()(sheetOptions),
  /** A day's sheets in one job: one PDF, or one print of the whole document. */
  'print.sheetsPdf': read<{ fileName: string; base64: string; pages: number }>()(sheetsOptions),
  'print.sheets': read<{ printedByHost: boolean }>()(sheetsOptions),
  'print.noticesPdf': read<{ fileName: string; base64: string; pages: number }>()(noticeOptions),
  'print.notices': read<{ printedByHost: boolean }>()(noticeOptions),
};

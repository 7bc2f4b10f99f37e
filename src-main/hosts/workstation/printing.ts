import type { NoticeOptions } from '../../../shared/contract/notices';
import type { Locale } from '../../../shared/i18n/locales';
import type { HostEntries } from '../host-channels';
import type { Session } from './session';

export interface PrintEngine {
  toPdf: (html: string) => Promise<Buffer>;
  /** The host's own print dialog; without one the page prints its preview. */
  print?: (html: string) => Promise<unknown>;
}

type PrintChannel = 'print.sheetPdf' | 'print.sheet' | 'print.sheetsPdf' | 'print.sheets' | 'print.noticesPdf' | 'print.notices';

/** A printed document as every host channel answers it: PDF as base64, or printed on the host's printer when it has one. */
export function printAnswers(engine: PrintEngine) {
  return {
    pdf: async ({ html, fileName, pages }: { html: string; fileName: string; pages: number }) => ({
      fileName,
      base64: (await engine.toPdf(html)).toString('base64'),
      pages,
    }),
    print: async (html: string) => {
      if (!engine.print) return { printedByHost: false };
      await engine.print(html);
      return { printedByHost: true };
    },
  };
}

/** The route sheet (one, or a day's in one job) and the warning notices on paper or as PDF, from the same HTML the preview shows. */
export function workstationPrinting(session: Session, engine: PrintEngine): Pick<HostEntries, PrintChannel> {
  const { pdf, print } = printAnswers(engine);
  const sheet = (options: { taskId: number; includeBills: boolean; includeWarnings: boolean }, locale: Locale) =>
    session.openCore().services.sheet(options, locale);
  const sheets = (options: { taskIds: number[]; includeBills: boolean; includeWarnings: boolean }, locale: Locale) =>
    session.openCore().services.sheets(options, locale);
  const notices = (options: NoticeOptions) => session.openCore().services.notices(options);
  return {
    'print.sheetPdf': (options, { locale }) => pdf(sheet(options, locale)),
    'print.sheet': (options, { locale }) => print(sheet(options, locale).html),
    'print.sheetsPdf': (options, { locale }) => pdf(sheets(options, locale)),
    'print.sheets': (options, { locale }) => print(sheets(options, locale).html),
    'print.noticesPdf': (options) => pdf(notices(options)),
    'print.notices': (options) => print(notices(options).html),
  };
}

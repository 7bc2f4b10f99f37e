import type { NoticeOptions } from '../../../shared/contract/notices';
import type { Locale } from '../../../shared/i18n/locales';
import { DomainError } from '../../core/errors';
import type { HostEntries } from '../host-channels';
import type { Session } from './session';

export interface PrintEngine {
  toPdf: (html: string) => Promise<Buffer>;
  /** The host's own print dialog; without one the page prints its preview. */
  print?: (html: string) => Promise<unknown>;
}

type PrintChannel = 'print.sheetPdf' | 'print.sheet' | 'print.noticesPdf' | 'print.notices';

/** The route sheet and the warning notices on paper or as PDF, from the same HTML the preview shows. */
export function workstationPrinting(session: Session, engine: PrintEngine): Pick<HostEntries, PrintChannel> {
  const services = () => {
    const core = session.core();
    if (!core) throw new DomainError('db.damaged', { detail: '' });
    return core.services;
  };
  const sheet = (options: { taskId: number; includeBills: boolean; includeWarnings: boolean }, locale: Locale) =>
    services().sheet(options, locale);
  const notices = (options: NoticeOptions) => services().notices(options);
  return {
    'print.sheetPdf': async (options, { locale }) => {
      const { html, fileName, pages } = sheet(options, locale);
      const pdf = await engine.toPdf(html);
      return { fileName, base64: pdf.toString('base64'), pages };
    },
    'print.sheet': async (options, { locale }) => {
      if (!engine.print) return { printedByHost: false };
      await engine.print(sheet(options, locale).html);
      return { printedByHost: true };
    },
    'print.noticesPdf': async (options) => {
      const { html, fileName, pages } = notices(options);
      const pdf = await engine.toPdf(html);
      return { fileName, base64: pdf.toString('base64'), pages };
    },
    'print.notices': async (options) => {
      if (!engine.print) return { printedByHost: false };
      await engine.print(notices(options).html);
      return { printedByHost: true };
    },
  };
}

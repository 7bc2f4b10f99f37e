import type { Locale } from '../../../shared/i18n/locales';
import { DomainError } from '../../core/errors';
import type { HostEntries } from '../host-channels';
import type { Session } from './session';

export interface PrintEngine {
  toPdf: (html: string) => Promise<Buffer>;
  /** The host's own print dialog; without one the page prints its preview. */
  print?: (html: string) => Promise<unknown>;
}

/** The route sheet on paper or as PDF, from the same HTML the preview shows. */
export function workstationPrinting(session: Session, engine: PrintEngine): Pick<HostEntries, 'print.sheetPdf' | 'print.sheet'> {
  const sheet = (options: { taskId: number; includeBills: boolean }, locale: Locale) => {
    const core = session.core();
    if (!core) throw new DomainError('db.damaged', { detail: '' });
    return core.services.sheet(options, locale);
  };
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
  };
}

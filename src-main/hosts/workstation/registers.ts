import type { ParsedInput } from '../../../shared/contract/index';
import { formatDate } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import { registerPage } from '../../core/disconnection/register-page';
import { DomainError } from '../../core/errors';
import { registerXlsx } from '../../exchange/register-xlsx';
import type { HostEntries } from '../host-channels';
import type { PrintEngine } from './printing';
import type { Session } from './session';

type Filter = ParsedInput<'registers.table'>;

/** The disconnection registers as an XLSX file and on paper, from the same table the screen shows. */
export function workstationRegisters(
  session: Session,
  engine: PrintEngine,
): Pick<HostEntries, 'registers.file' | 'print.registerPdf' | 'print.register'> {
  const core = () => {
    const current = session.core();
    if (!current) throw new DomainError('db.damaged', { detail: '' });
    return current;
  };
  const table = (filter: Filter, locale: Locale) => core().services.registers.table(filter, locale);
  const page = (filter: Filter, locale: Locale) => registerPage(table(filter, locale), locale, core().services.today());
  return {
    'registers.file': {
      audit: {
        entity: 'register.export',
        action: 'create',
        id: () => null,
        after: (filter, file) => ({ ...filter, fileName: file.fileName, rows: file.rows }),
      },
      run: async (filter, { locale }) => {
        const registered = table(filter, locale);
        const period = `${formatDate(filter.dateFrom, locale)} – ${formatDate(filter.dateTo, locale)}`;
        const file = await registerXlsx(registered, period);
        const fileName = `${filter.kind}-${filter.dateFrom}-${filter.dateTo}.xlsx`;
        return () => ({ fileName, base64: file.toString('base64'), rows: registered.rows.length });
      },
    },
    'print.registerPdf': async (filter, { locale }) => {
      const { html, fileName, pages } = page(filter, locale);
      return { fileName, base64: (await engine.toPdf(html)).toString('base64'), pages };
    },
    'print.register': async (filter, { locale }) => {
      if (!engine.print) return { printedByHost: false };
      await engine.print(page(filter, locale).html);
      return { printedByHost: true };
    },
  };
}

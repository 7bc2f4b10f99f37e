import type { ParsedInput } from '../../../shared/contract/index';
import { formatDate } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import { registerPage } from '../../core/disconnection/register-page';
import { registerXlsx } from '../../exchange/register-xlsx';
import type { HostEntries } from '../host-channels';
import { printAnswers, type PrintEngine } from './printing';
import type { Session } from './session';

type Filter = ParsedInput<'registers.table'>;

/**
 * The disconnection pipeline's papers: the registers as an XLSX file and on paper, from the same
 * table the screen shows, and an order as the crew's sheet.
 */
export function workstationDisconnectionPapers(
  session: Session,
  engine: PrintEngine,
): Pick<HostEntries, 'registers.file' | 'print.registerPdf' | 'print.register' | 'print.orderPdf' | 'print.order'> {
  const core = () => session.openCore();
  const { pdf, print } = printAnswers(engine);
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
    'print.registerPdf': (filter, { locale }) => pdf(page(filter, locale)),
    'print.register': (filter, { locale }) => print(page(filter, locale).html),
    'print.orderPdf': ({ id }, { locale }) => pdf(core().services.orderSheet(id, locale)),
    'print.order': ({ id }, { locale }) => print(core().services.orderSheet(id, locale).html),
  };
}

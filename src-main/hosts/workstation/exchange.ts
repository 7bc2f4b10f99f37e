import { importFields } from '../../../shared/contract/exchange';
import type { Core } from '../../core/app';
import { readingsCsv, readingsXlsx } from '../../exchange/readings-file';
import { readTable, suggestMapping } from '../../exchange/table-file';
import type { HostEntries } from '../host-channels';
import type { Session } from './session';

/** Files in and out: the host reads and writes them, the core's exchange rules do the rest, once. */
export function workstationExchange(session: Session): Pick<HostEntries, 'import.preview' | 'import.run' | 'export.readingsFile'> {
  const core = (): Core => session.openCore();
  return {
    'import.preview': async ({ fileName, base64, kind }) => {
      const table = await readTable(fileName, Buffer.from(base64, 'base64'));
      return {
        header: table.header,
        sample: table.rows.slice(0, 5),
        rowCount: table.rows.length,
        mapping: suggestMapping(table.header, kind),
      };
    },
    'import.run': {
      audit: {
        entity: 'import',
        action: 'change',
        id: () => null,
        after: ({ kind, fileName }, result) => ({ kind, fileName, ...result }),
      },
      run: async ({ fileName, base64, kind, mapping }, { locale }) => {
        const table = await readTable(fileName, Buffer.from(base64, 'base64'));
        // Only the fields this kind of file has; anything else in the mapping is ignored.
        const known = Object.fromEntries(Object.entries(mapping).filter(([field]) => importFields[kind].includes(field)));
        return () => core().services.exchange.importTable(kind, { ...table, mapping: known, firstLine: 2 }, locale);
      },
    },
    'export.readingsFile': {
      audit: {
        entity: 'readings.export',
        action: 'create',
        id: () => null,
        after: ({ format, ...filter }, file) => ({
          ...filter,
          format,
          fileName: file.fileName,
          rows: file.rows,
          skippedQueued: file.skippedQueued,
        }),
      },
      run: async ({ format, ...filter }) => {
        const rows = core().services.exchange.readings(filter);
        const skippedQueued = filter.includeQueued ? 0 : core().services.exchange.skippedQueued(filter);
        const file = format === 'csv' ? readingsCsv(rows) : await readingsXlsx(rows);
        const fileName = `readings-${filter.dateFrom}-${filter.dateTo}.${format}`;
        return () => ({ fileName, base64: file.toString('base64'), rows: rows.length, skippedQueued });
      },
    },
  };
}

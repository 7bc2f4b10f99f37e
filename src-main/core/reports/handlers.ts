import type { reportsChannels } from '../../../shared/contract/reports';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { readingsByDay } from './readings-by-day';

/** Звіти: the figures the report screens chart beside the registers' tables. */
export function reportsHandlers(db: Db): Handlers<keyof typeof reportsChannels> {
  const byDay = readingsByDay(db);
  return {
    'reports.readingsByDay': (filter, { locale }) => byDay(filter, locale),
  };
}

import type { TaskCriteria } from '../contract/tasks';
import { formatMoney } from './format';
import type { Locale } from './locales';

const words = {
  uk: {
    all: 'усі точки обліку',
    debt: (sum: string) => `борг ≥ ${sum}`,
    noControl: (days: number) => `без контрольного показника ≥ ${days} дн.`,
    complaint: 'звернення споживача',
    inspection: 'на обстеження',
    verification: (days: number) => `повірка лічильника протягом ${days} дн.`,
    any: ' або ',
    all_: ' і ',
    disconnected: ' (з відключеними)',
  },
  en: {
    all: 'all metering points',
    debt: (sum: string) => `debt ≥ ${sum}`,
    noControl: (days: number) => `no control reading for ≥ ${days} days`,
    complaint: 'consumer complaint',
    inspection: 'flagged for inspection',
    verification: (days: number) => `meter verification due within ${days} days`,
    any: ' or ',
    all_: ' and ',
    disconnected: ' (incl. disconnected)',
  },
};

/** The criterion as the task list and the sheet header print it. */
export function describeCriteria(criteria: TaskCriteria, locale: Locale): string {
  const w = words[locale];
  const parts = [
    criteria.debtMinKop !== null && w.debt(formatMoney(criteria.debtMinKop, locale)),
    criteria.noControlDays !== null && w.noControl(criteria.noControlDays),
    criteria.complaint && w.complaint,
    criteria.inspection && w.inspection,
    criteria.verificationDueDays !== null && w.verification(criteria.verificationDueDays),
  ].filter((part): part is string => typeof part === 'string');
  const text = parts.length === 0 ? w.all : parts.join(criteria.match === 'all' ? w.all_ : w.any);
  return criteria.includeDisconnected ? text + w.disconnected : text;
}

import type { RegisterCell, RegisterColumnKind } from '../contract/registers';
import { formatDate, formatLocalDateTime, formatMoney } from './format';
import type { Locale } from './locales';

/** A register's cell as the reader's language writes it (dates 04.12.2026, money 1 234,56 грн): on screen and on paper alike. */
export function registerCellText(value: RegisterCell | undefined, kind: RegisterColumnKind, locale: Locale): string {
  if (value === null || value === undefined) return '';
  if (kind === 'money' && typeof value === 'number') return formatMoney(value, locale);
  if (kind === 'date' && typeof value === 'string') return formatDate(value, locale);
  if (kind === 'dateTime' && typeof value === 'string') return formatLocalDateTime(value, locale);
  return String(value);
}

import type { Locale } from './locales';

/**
 * Money, dates and times as each language writes them, for screens and printed sheets alike.
 * Built on Intl, with the separators fixed where Intl and office paperwork disagree.
 */

const tags: Record<Locale, string> = { uk: 'uk-UA', en: 'en-GB' };

const amounts = new Map<Locale, Intl.NumberFormat>();
const amount = (locale: Locale) => {
  let format = amounts.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(tags[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' });
    amounts.set(locale, format);
  }
  return format;
};

/** The number alone: 1 234,56 (uk) or 1,234.56 (en). Ukrainian groups with a plain space, as typed on forms. */
export function formatAmount(kopecks: number, locale: Locale): string {
  const text = amount(locale).format(kopecks / 100);
  return locale === 'uk' ? text.replace(/[\u00a0\u202f]/g, ' ') : text;
}

/** 123456 → "1 234,56 грн" (uk) or "UAH 1,234.56" (en). */
export function formatMoney(kopecks: number, locale: Locale): string {
  const text = formatAmount(kopecks, locale);
  return locale === 'uk' ? `${text} грн` : `UAH ${text}`;
}

/**
 * What a person types for a sum of money → kopecks, or null when it is not one. Гривні with up to
 * two decimals after a comma or a point ("500", "500,00", "500.5"); spaces (any kind) group
 * thousands ("1 250,50"), as do commas before a decimal point in the English way ("1,250.50"); a
 * trailing "грн", "UAH" or "₴" is the unit the field shows. Whole kopecks only, so nothing rounds.
 */
export function parseMoney(text: string): number | null {
  const bare = text
    .trim()
    .replace(/^(uah|₴)\s*|\s*(грн\.?|uah|₴)$/iu, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  // "1,250" alone is refused, not guessed: a comma is the Ukrainian decimal sign, three decimals are a typo.
  const english = /^-?\d{1,3}(,\d{3})+\.\d{1,2}$/.test(bare);
  const plain = english ? bare.replace(/,/g, '') : bare.replace(',', '.');
  const match = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return null;
  const [, sign, hryvnias, fraction = ''] = match;
  const kopecks = Number(hryvnias) * 100 + Number(fraction.padEnd(2, '0'));
  return sign ? -kopecks : kopecks;
}

const dateOptions = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
// A calendar date is a day, not an instant: read and written in UTC so no time zone shifts it.
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();
const localDayFormats = new Map<Locale, Intl.DateTimeFormat>();
// Made on first use like the others: the first Intl format of a process loads ICU's locale data,
// some 10 ms that a host's start would otherwise pay for a time no one shows yet.
let timeFormat: Intl.DateTimeFormat | undefined;
const clock = () => (timeFormat ??= new Intl.DateTimeFormat('uk-UA', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));

const cached = (cache: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions) => {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(tags[locale], options);
    cache.set(locale, format);
  }
  return format;
};

/** 2026-11-22 → 22.11.2026 (uk) or 22/11/2026 (en); empty for no date, anything unreadable as it came. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso;
  return cached(dayFormats, locale, { ...dateOptions, timeZone: 'UTC' }).format(day);
}

/** A billing period 2026-09 → 09.2026 (uk) or 09/2026 (en), as the dates around it are written. */
export function formatPeriod(period: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  return `${match[2]}${locale === 'uk' ? '.' : '/'}${match[1]}`;
}

const monthNames = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A month 2026-01 as a chart's axis names it: «січ 26» (uk), "Jan 26" (en) — the short month
 * without Intl's abbreviation point, and the year in two digits.
 */
export function formatMonthShort(month: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const first = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const name = cached(monthNames, locale, { month: 'short', timeZone: 'UTC' }).format(first).replace(/\.$/, '');
  return `${name} ${match[1]!.slice(2)}`;
}

/** A day of a chart's axis, 2026-12-04 → 04.12 (uk) or 04/12 (en), as the full dates are written. */
export function formatDayShort(iso: string, locale: Locale): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[2]}${locale === 'uk' ? '.' : '/'}${match[1]}` : iso;
}

const isRealDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * A date as an operator types it → ISO (YYYY-MM-DD), or null while it is not a whole real date.
 * Both languages write the day first (24.11.2026, 24/11/2026); a dash or space also separates,
 * eight digits in a row (24112026) and a pasted ISO date are read too. The year takes four digits,
 * so a date half typed ("24.11.20") is never read as another year.
 */
export function parseDate(text: string): string | null {
  const typed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  const dayFirst = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})$/.exec(typed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]].map(Number)
      : [];
  if (year === undefined || month === undefined || day === undefined || !isRealDay(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A UTC timestamp → the workstation's local date and time to the minute: 22.11.2026 14:05. */
export function formatDateTime(isoUtc: string | null | undefined, locale: Locale): string {
  if (!isoUtc) return '';
  const at = new Date(isoUtc);
  if (Number.isNaN(at.getTime())) return isoUtc;
  return `${cached(localDayFormats, locale, dateOptions).format(at)} ${clock().format(at)}`;
}

/** A local date and time as an act has it (2026-12-04T10:30) → 04.12.2026 10:30: written by a person, no time zone to apply. */
export function formatLocalDateTime(at: string | null | undefined, locale: Locale): string {
  if (!at) return '';
  return `${formatDate(at.slice(0, 10), locale)} ${at.slice(11, 16)}`;
}

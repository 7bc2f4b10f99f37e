/**
 * How the billing systems' files write commodities and periods, read the same way by every import.
 * Dates and money are read as an operator types them (shared/i18n/format.ts: parseDate, parseMoney).
 */

export const commodities: Record<string, 'gas' | 'electricity'> = {
  electricity: 'electricity',
  електроенергія: 'electricity',
  ел: 'electricity',
  e: 'electricity',
  gas: 'gas',
  газ: 'gas',
  g: 'gas',
};

/** 2026-10 or 10.2026. */
export function isoPeriod(raw: string): string | null {
  const text = raw.trim();
  const dotted = /^(\d{2})\.(\d{4})$/.exec(text);
  const period = dotted ? `${dotted[2]}-${dotted[1]}` : text;
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : null;
}

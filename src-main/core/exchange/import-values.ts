/** How the billing systems' files write dates, money and commodities, read the same way by every import. */

export const commodities: Record<string, 'gas' | 'electricity'> = {
  electricity: 'electricity',
  електроенергія: 'electricity',
  ел: 'electricity',
  e: 'electricity',
  gas: 'gas',
  газ: 'gas',
  g: 'gas',
};

/** 01.02.2031 or 2031-02-01, and a real calendar date. */
export function isoDate(raw: string): string | null {
  const text = raw.trim();
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const iso = dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** 2026-10 or 10.2026. */
export function isoPeriod(raw: string): string | null {
  const text = raw.trim();
  const dotted = /^(\d{2})\.(\d{4})$/.exec(text);
  const period = dotted ? `${dotted[2]}-${dotted[1]}` : text;
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : null;
}

/** Гривні with a comma or a point, spaces as thousands separators → kopecks. */
export function kopecks(raw: string): number | null {
  const text = raw
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

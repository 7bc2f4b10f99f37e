/** Calendar dates as ISO strings, handled in UTC so no clock change or time zone moves them. */
const dayMs = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => Math.round((toTime(to) - toTime(from)) / dayMs);

/** 0 Sunday … 6 Saturday. */
export const weekday = (iso: string): number => new Date(toTime(iso)).getUTCDay();

/** `iso` moved by `days` calendar days. */
export const shifted = (iso: string, days: number): string => new Date(toTime(iso) + days * dayMs).toISOString().slice(0, 10);

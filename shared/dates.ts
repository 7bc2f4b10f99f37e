const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The calendar date (YYYY-MM-DD) an instant falls on in the workstation's time zone. Never
 * `toISOString().slice(0, 10)`: that is UTC's date, and at 00:30 in Kyiv (UTC+2) UTC is still
 * on the previous day — a reading typed then, or a demo built then, would land a day early.
 */
export const localDay = (at: Date): string => `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

/** Today as the operator's calendar shows it. */
export const localToday = (): string => localDay(new Date());

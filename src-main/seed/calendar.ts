/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone can shift a day. */
export const toIso = (date: Date): string => date.toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
};

/** First day of the month `offset` months from the month of `iso`. */
export const monthStart = (iso: string, offset = 0): string => {
  const date = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + offset);
  return toIso(date);
};

export const dayOfMonth = (monthIso: string, day: number): string => `${monthIso.slice(0, 8)}${String(day).padStart(2, '0')}`;

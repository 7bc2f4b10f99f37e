import { localDay } from '../../shared/dates';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The phone's calendar date: a reading is judged by the day it was taken where it was taken. */
export const phoneToday = (now: Date = new Date()): string => localDay(now);

/**
 * An instant as ISO 8601 with the phone's own offset (2026-03-04T09:15:00.000+02:00): the office
 * sees the controller's wall-clock time, and the core still knows the instant exactly.
 */
export function isoWithOffset(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
  return `${localDay(at)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

import { describe, expect, it } from 'vitest';
import { dayNumber, daysBetween, shifted, weekday } from './days';

describe('dates as day counts', () => {
  it('counts days as Date does, across leap years and the turn of centuries', () => {
    for (const iso of ['1970-01-01', '1969-12-31', '2000-02-29', '2024-03-01', '2026-11-12', '2100-03-01', '1900-02-28']) {
      expect(dayNumber(iso)).toBe(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
      expect(weekday(iso)).toBe(new Date(`${iso}T00:00:00Z`).getUTCDay());
    }
    expect(daysBetween('2026-05-16', '2026-11-12')).toBe(180);
    expect(shifted('2026-11-12', -181)).toBe('2026-05-15');
    expect(shifted('2024-02-28', 1)).toBe('2024-02-29');
  });
});

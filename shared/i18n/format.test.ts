import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, parseDate } from './format';

describe('format', () => {
  it('writes money as each language does', () => {
    expect(formatMoney(123456, 'uk')).toBe('1 234,56 грн');
    expect(formatMoney(123456, 'en')).toBe('UAH 1,234.56');
    expect(formatMoney(-5, 'uk')).toBe('-0,05 грн');
    expect(formatMoney(100, 'en')).toBe('UAH 1.00');
  });
  it('writes a calendar date without shifting it', () => {
    expect(formatDate('2026-11-22', 'uk')).toBe('22.11.2026');
    expect(formatDate('2026-11-22', 'en')).toBe('22/11/2026');
    expect(formatDate(null, 'uk')).toBe('');
  });
  it('writes a timestamp in local time to the minute', () => {
    const at = new Date(2026, 10, 22, 14, 5, 30);
    expect(formatDateTime(at.toISOString(), 'uk')).toBe('22.11.2026 14:05');
    expect(formatDateTime(at.toISOString(), 'en')).toBe('22/11/2026 14:05');
  });
  it('reads a date as operators type it, day first, and nothing that is not a whole real date', () => {
    expect(parseDate('24.11.2026')).toBe('2026-11-24');
    expect(parseDate(' 4.1.2026 ')).toBe('2026-01-04');
    expect(parseDate('24/11/2026')).toBe('2026-11-24');
    expect(parseDate('24-11-2026')).toBe('2026-11-24');
    expect(parseDate('24112026')).toBe('2026-11-24');
    expect(parseDate('2026-11-24')).toBe('2026-11-24');
    expect(parseDate('29.02.2028')).toBe('2028-02-29');
    for (const bad of [
      '',
      '24.11.',
      '24.11.20',
      '24.11.202',
      '29.02.2026',
      '31.04.2026',
      '00.11.2026',
      '24.13.2026',
      '2026-11-4',
      'завтра',
    ]) {
      expect(parseDate(bad), bad).toBeNull();
    }
  });
  it('reads back what it writes in either language', () => {
    for (const iso of ['2026-01-01', '2026-11-24', '2031-12-31']) {
      expect(parseDate(formatDate(iso, 'uk'))).toBe(iso);
      expect(parseDate(formatDate(iso, 'en'))).toBe(iso);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from './format';

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
});

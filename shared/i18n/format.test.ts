import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatDayShort,
  formatMoney,
  formatMonthShort,
  formatPeriod,
  parseDate,
  parseMoney,
} from './format';

describe('format', () => {
  it('writes money as each language does', () => {
    expect(formatMoney(123456, 'uk')).toBe('1 234,56 грн');
    expect(formatMoney(123456, 'en')).toBe('UAH 1,234.56');
    expect(formatMoney(-5, 'uk')).toBe('-0,05 грн');
    expect(formatMoney(100, 'en')).toBe('UAH 1.00');
  });
  it('reads money as an operator types it, to the kopeck', () => {
    expect(parseMoney('500')).toBe(50000);
    expect(parseMoney('500,00')).toBe(50000);
    expect(parseMoney('500.5')).toBe(50050);
    expect(parseMoney('500,05')).toBe(50005);
    expect(parseMoney('1 250,50')).toBe(125050);
    expect(parseMoney(' 1\u00a0250,50 грн ')).toBe(125050);
    expect(parseMoney('1,250.50')).toBe(125050);
    expect(parseMoney('UAH 1,250.50')).toBe(125050);
    expect(parseMoney('0,01')).toBe(1);
    expect(parseMoney('0')).toBe(0);
    expect(parseMoney('-12,3')).toBe(-1230);
    expect(parseMoney('999999999999,99')).toBe(99999999999999);
    for (const bad of [
      '',
      ' ',
      'грн',
      '500,005',
      '1,250',
      '1,2,3',
      '12,5.5',
      '5 00,1,0',
      'п’ятсот',
      '1e3',
      '0x10',
      '.5',
      '5.',
      '--5',
      '1 250,50 USD',
    ]) {
      expect(parseMoney(bad), bad).toBeNull();
    }
  });
  it('reads back what it writes', () => {
    for (const kopecks of [0, 1, 99, 100, 50000, 125050, 123456789]) {
      expect(parseMoney(formatMoney(kopecks, 'uk'))).toBe(kopecks);
      expect(parseMoney(formatMoney(kopecks, 'en'))).toBe(kopecks);
      expect(parseMoney(formatAmount(kopecks, 'uk'))).toBe(kopecks);
    }
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

describe('billing periods', () => {
  it('are written month first, as the dates beside them', () => {
    expect(formatPeriod('2026-09', 'uk')).toBe('09.2026');
    expect(formatPeriod('2026-09', 'en')).toBe('09/2026');
    expect(formatPeriod('вересень', 'uk')).toBe('вересень');
  });
});

describe('a chart’s axis', () => {
  it('names a month short, without the abbreviation point, with the year in two digits', () => {
    expect(formatMonthShort('2026-01', 'uk')).toBe('січ 26');
    expect(formatMonthShort('2025-11', 'uk')).toBe('лист 25');
    expect(formatMonthShort('2026-01', 'en')).toBe('Jan 26');
    expect(formatMonthShort('січень', 'uk')).toBe('січень');
  });

  it('names a day by its day and month, as the full dates are written', () => {
    expect(formatDayShort('2026-12-04', 'uk')).toBe('04.12');
    expect(formatDayShort('2026-12-04', 'en')).toBe('04/12');
  });
});

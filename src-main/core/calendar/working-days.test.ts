import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { addDays, deadline, isWorkingDay, placeOfSettlement, settingsReader } from './working-days';

describe('working days', () => {
  it('skip weekends, public holidays and the days that replace a holiday on a weekend', () => {
    expect(isWorkingDay('2026-11-20')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay('2026-08-24')).toBe(false); // Independence Day, a Monday
    expect(isWorkingDay('2026-06-29')).toBe(false); // Monday for Constitution Day on Sunday 28 June
  });

  it('count holidays as working days when the district switches holidays off (martial law)', () => {
    expect(isWorkingDay('2026-08-24', false)).toBe(true);
    expect(isWorkingDay('2026-06-29', false)).toBe(true);
    expect(isWorkingDay('2026-11-21', false)).toBe(false);
  });

  it('count n working days after a date, not the date itself, across a weekend', () => {
    expect(addDays('2026-11-19', 1, 'working')).toBe('2026-11-20'); // Thu → Fri
    expect(addDays('2026-11-20', 1, 'working')).toBe('2026-11-23'); // Fri → Mon
    expect(addDays('2026-11-20', 3, 'working')).toBe('2026-11-25');
    expect(addDays('2026-11-16', 10, 'working')).toBe('2026-11-30'); // two weekends crossed
  });

  it('land on a working day when counting from a day off', () => {
    expect(addDays('2026-11-21', 1, 'working')).toBe('2026-11-23'); // Sat → Mon
    expect(addDays('2026-11-21', 0, 'working')).toBe('2026-11-23');
    expect(addDays('2026-11-20', 0, 'working')).toBe('2026-11-20');
  });

  it('cross a public holiday on a Monday', () => {
    // Fri 21 Aug; Sat, Sun, Mon 24 Aug (Independence Day) are off.
    expect(addDays('2026-08-21', 1, 'working')).toBe('2026-08-25');
    expect(addDays('2026-08-21', 1, 'working', false)).toBe('2026-08-24');
    expect(addDays('2026-08-21', 3, 'working')).toBe('2026-08-27');
    expect(addDays('2026-08-21', 3, 'working', false)).toBe('2026-08-26');
  });

  it('cross a holiday on a weekend and its substitute day', () => {
    // Constitution Day falls on Sunday 28 June 2026; Monday 29 June is off instead.
    expect(addDays('2026-06-26', 1, 'working')).toBe('2026-06-30');
    expect(addDays('2026-06-26', 1, 'working', false)).toBe('2026-06-29');
    expect(addDays('2026-06-26', 2, 'working')).toBe('2026-07-01');
  });

  it('count calendar days plainly, weekends and holidays included', () => {
    expect(addDays('2026-08-21', 3, 'calendar')).toBe('2026-08-24');
    expect(addDays('2026-11-20', 3, 'calendar')).toBe('2026-11-23');
    expect(addDays('2026-02-27', 2, 'calendar')).toBe('2026-03-01');
  });

  it('cross the year boundary', () => {
    expect(addDays('2026-12-31', 2, 'calendar')).toBe('2027-01-02');
    // Fri 1 Jan 2027 is New Year; the library keeps 2 Jan too, a Saturday, so Mon 4 Jan replaces it.
    expect(addDays('2026-12-31', 1, 'working')).toBe('2027-01-05');
    expect(addDays('2026-12-31', 1, 'working', false)).toBe('2027-01-01');
    expect(addDays('2026-12-30', 1, 'working')).toBe('2026-12-31');
  });

  it('refuse a negative or fractional count', () => {
    expect(() => addDays('2026-11-20', -1, 'working')).toThrow(RangeError);
    expect(() => addDays('2026-11-20', 1.5, 'calendar')).toThrow(RangeError);
  });
});

describe('deadlines from the settings', () => {
  const db = () => openDatabase(':memory:');

  it('follow the defaults of the migration', () => {
    const settings = settingsReader(db());
    // Electricity: 10 working days' notice; received Fri 14 Aug → 24 Aug is a holiday.
    expect(deadline(settings, 'notice', 'electricity', 'town', '2026-08-14')).toBe('2026-08-31');
    expect(deadline(settings, 'notice', 'gas', 'village', '2026-08-21')).toBe('2026-08-24');
    expect(deadline(settings, 'reconnect', 'electricity', 'town', '2026-11-20')).toBe('2026-11-25');
    expect(deadline(settings, 'reconnect', 'electricity', 'village', '2026-11-20')).toBe('2026-11-27');
    expect(deadline(settings, 'reconnect', 'gas', 'town', '2026-11-20')).toBe('2026-11-24');
    expect(deadline(settings, 'reconnect', 'gas', 'village', '2026-11-20')).toBe('2026-11-25');
  });

  it('follow a changed setting and the holidays switch', () => {
    const d = db();
    const settings = settingsReader(d);
    const set = (key: string, value: string) => d.prepare('UPDATE settings SET value = ? WHERE key = ?').run(value, key);
    set('disconnection.notice.gas.days', '5');
    set('disconnection.notice.gas.unit', 'working');
    expect(deadline(settings, 'notice', 'gas', 'town', '2026-08-20')).toBe('2026-08-28');
    set('calendar.holidaysOff', '0');
    expect(deadline(settings, 'notice', 'gas', 'town', '2026-08-20')).toBe('2026-08-27');
  });

  it('tell a town from a village by the settlement kind', () => {
    expect(['місто', 'смт', 'село', 'селище'].map(placeOfSettlement)).toEqual(['town', 'town', 'village', 'village']);
  });
});

import { describe, expect, it } from 'vitest';
import { formatAddress } from './address';
import { addressNumberKey, houseSortKey, normalizeHouseNumber, parseHouseNumber } from './house-number';

describe('house numbers', () => {
  it('orders them as people read them', () => {
    const shuffled = ['12', '10/1', '2', '10б', '10а', '10', '1', '10/2', '100', '9'];
    expect([...shuffled].sort((a, b) => houseSortKey(a).localeCompare(houseSortKey(b), 'en'))).toEqual([
      '1',
      '2',
      '9',
      '10',
      '10а',
      '10б',
      '10/1',
      '10/2',
      '12',
      '100',
    ]);
    // Plain string comparison must give the same order: SQLite sorts the key with BINARY.
    const binary = [...shuffled].sort((a, b) => (houseSortKey(a) < houseSortKey(b) ? -1 : 1));
    expect(binary).toEqual(['1', '2', '9', '10', '10а', '10б', '10/1', '10/2', '12', '100']);
  });

  it('orders lettered houses by the Ukrainian alphabet, buildings after the letters of their number', () => {
    const all = '1 2 2а 2б 2/1 10 10а 10б 10в 10г 10ґ 10д 10е 10є 10ж 10з 10и 10і 10ї 10й 10к 10ь 10ю 10я 10/1 10а/1 11'.split(' ');
    expect([...all].reverse().sort((a, b) => (houseSortKey(a) < houseSortKey(b) ? -1 : 1))).toEqual(all);
  });

  it('orders apartments as numbers where they are numbers, none first and words last', () => {
    const apartments = ['10/1', 'офіс', '2а', '', '10а', '1', 'Гараж', '10', '2', 'ґанок'];
    expect([...apartments].sort((a, b) => (addressNumberKey(a) < addressNumberKey(b) ? -1 : 1))).toEqual([
      '',
      '1',
      '2',
      '2а',
      '10',
      '10а',
      '10/1',
      'Гараж',
      'ґанок',
      'офіс',
    ]);
    expect(addressNumberKey(' 10 А ')).toBe(houseSortKey('10а'));
  });

  it('normalises spacing and case', () => {
    expect(normalizeHouseNumber(' 12 А ')).toBe('12а');
    expect(normalizeHouseNumber('12 / 1')).toBe('12/1');
    expect(parseHouseNumber('7б/3')).toEqual({ main: 7, letter: 'б', fraction: 3 });
  });

  it('refuses what is not a house number', () => {
    for (const bad of ['', 'а12', '12-14', '12ab', '1/2/3', '123456']) {
      expect(() => parseHouseNumber(bad), bad).toThrowError('house.numberInvalid');
    }
  });

  it('spells an address the way a sheet prints it', () => {
    expect(
      formatAddress({
        settlementKind: 'місто',
        settlementName: 'Коростишів',
        streetKind: 'вул.',
        streetName: 'Шевченка',
        house: '10а',
        apartment: '5',
      }),
    ).toBe('м. Коростишів, вул. Шевченка, 10а, кв. 5');
    expect(
      formatAddress({
        settlementKind: 'село',
        settlementName: 'Вільшанка',
        streetKind: 'пров.',
        streetName: 'Садовий',
        house: '3',
        apartment: '',
      }),
    ).toBe('с. Вільшанка, пров. Садовий, 3');
  });
});

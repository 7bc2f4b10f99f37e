import { DomainError } from '../errors';

/** 12, 12а, 12/1, 12а/1 — the forms house numbers take in Ukrainian addresses. */
const pattern = /^(\d{1,5})\s*([а-щьюяєіїґ]?)(?:\s*\/\s*(\d{1,4}))?$/iu;

export interface HouseNumber {
  main: number;
  letter: string;
  fraction: number | null;
}

export function parseHouseNumber(raw: string): HouseNumber {
  const match = pattern.exec(raw.trim());
  if (!match) throw new DomainError('house.numberInvalid', {}, 'number');
  return {
    main: Number(match[1]),
    letter: (match[2] ?? '').toLowerCase(),
    fraction: match[3] === undefined ? null : Number(match[3]),
  };
}

export const normalizeHouseNumber = (raw: string): string => {
  const { main, letter, fraction } = parseHouseNumber(raw);
  return `${main}${letter}${fraction === null ? '' : `/${fraction}`}`;
};

/**
 * A key whose plain string order is the order people read house numbers in:
 * 2 < 10 < 10а < 10б < 10/1 < 10/2 < 12. A building (10/1) follows the lettered houses of its number.
 */
export function houseSortKey(raw: string): string {
  const { main, letter, fraction } = parseHouseNumber(raw);
  const pad = (n: number) => String(n).padStart(5, '0');
  return `${pad(main)}${fraction === null ? '0' : '1'}${letter || ' '}${pad(fraction ?? 0)}`;
}

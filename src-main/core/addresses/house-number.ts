import { ukrainianAlphabet } from '../collation/uk-order-table';
import { ukSortKey } from '../collation/uk-sort-key';
import { DomainError } from '../errors';

/** 12, 12а, 12/1, 12а/1 — the forms house numbers take in Ukrainian addresses. */
const pattern = /^(\d{1,5})\s*([а-щьюяєіїґ]?)(?:\s*\/\s*(\d{1,4}))?$/iu;

export interface HouseNumber {
  main: number;
  letter: string;
  fraction: number | null;
}

function matchHouseNumber(raw: string): HouseNumber | null {
  const match = pattern.exec(raw.trim());
  if (!match) return null;
  return {
    main: Number(match[1]),
    letter: (match[2] ?? '').toLowerCase(),
    fraction: match[3] === undefined ? null : Number(match[3]),
  };
}

export function parseHouseNumber(raw: string): HouseNumber {
  const number = matchHouseNumber(raw);
  if (!number) throw new DomainError('house.numberInvalid', {}, 'number');
  return number;
}

export const normalizeHouseNumber = (raw: string): string => {
  const { main, letter, fraction } = parseHouseNumber(raw);
  return `${main}${letter}${fraction === null ? '' : `/${fraction}`}`;
};

/**
 * Fixed width, so plain string order is reading order: the number, whether a building follows,
 * the letter as its place in the alphabet (ґ after г, є after е, і and ї before й — code points
 * would put them after я), the building.
 */
function numberKey({ main, letter, fraction }: HouseNumber): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const place = letter ? ukrainianAlphabet.indexOf(letter) + 1 : 0;
  return `${pad(main, 5)}${fraction === null ? '0' : '1'}${pad(place, 2)}${pad(fraction ?? 0, 5)}`;
}

/**
 * A key whose plain string order is the order people read house numbers in:
 * 2 < 2а < 2б < 2/1 < 10 < 10а < 10г < 10ґ < 10д < 10/1 < 12. A building (10/1) follows the
 * lettered houses of its number.
 */
export const houseSortKey = (raw: string): string => numberKey(parseHouseNumber(raw));

/**
 * Apartments are free text: none comes first, one written like a house number (5, 5а, 5/1) sorts
 * as one, anything else after every number in Ukrainian order. Also takes a house number that
 * never went through the form (an old row), rather than refusing it.
 */
export function addressNumberKey(raw: string): string {
  if (raw.trim() === '') return '';
  const number = matchHouseNumber(raw);
  // '~' is above every digit, so the words follow the numbers.
  return number ? numberKey(number) : `~${ukSortKey(raw.trim())}`;
}

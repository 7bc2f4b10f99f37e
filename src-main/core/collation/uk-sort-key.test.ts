import { describe, expect, it } from 'vitest';
import { createRandom } from '../../seed/random';
import { ukOrderTable, ukrainianAlphabet } from './uk-order-table';
import { ukSortKey } from './uk-sort-key';

const intl = new Intl.Collator('uk');
const byLevel = {
  primary: new Intl.Collator('uk', { sensitivity: 'base' }),
  secondary: new Intl.Collator('uk', { sensitivity: 'accent' }),
};
/** SQLite's BINARY order on the keys (code points; the keys here are all in the BMP below the surrogates). */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: string, b: string) => binary(ukSortKey(a), ukSortKey(b));

/** Where Intl tells two texts apart: 1 by letter, 2 by accent-like variant, 3 by case, 0 not at all. */
const intlLevel = (a: string, b: string) =>
  byLevel.primary.compare(a, b) !== 0 ? 1 : byLevel.secondary.compare(a, b) !== 0 ? 2 : intl.compare(a, b) !== 0 ? 3 : 0;

describe('Ukrainian sort keys', () => {
  it('come from a table that is the order of Intl.Collator("uk"), level by level', () => {
    const entries = ukOrderTable.flatMap((variants, primary) =>
      variants.flatMap((cases, secondary) => [...cases].map((ch, tertiary) => ({ ch, weights: [primary, secondary, tertiary] }))),
    );
    expect(new Set(entries.map((e) => e.ch)).size, 'each character once').toBe(entries.length);
    for (const a of entries) {
      for (const b of entries) {
        const level = a.weights.findIndex((w, i) => w !== b.weights[i]!) + 1;
        const expected = level === 0 ? 0 : Math.sign(a.weights[level - 1]! - b.weights[level - 1]!);
        expect([intlLevel(a.ch, b.ch), Math.sign(intl.compare(a.ch, b.ch))], `${a.ch} against ${b.ch}`).toEqual([level, expected]);
      }
    }
  });

  it('order the boundary letters as the alphabet does: г ґ, е є, и і ї й, any case, the apostrophe ignored', () => {
    const names = [
      'Їжак',
      'Ґудзь',
      'Іванів',
      'Євтушенко',
      'Йовенко',
      'гоголь',
      'Иванюк',
      'Еллада',
      'Марченко',
      'Мар’яненко',
      "Мар'яненко",
      'Марʼяненко',
      'марʼяненко',
      'Марян',
      'ЯКИМЕНКО',
      'якименко',
      'Гоголь',
      'Gonta',
      'Гоголь-Яновський',
      'Гоголь Яновський',
      '2-га Садова',
      '12 Садова',
    ];
    const expected = [
      '12 Садова',
      '2-га Садова',
      'гоголь',
      'Гоголь',
      'Гоголь Яновський',
      'Гоголь-Яновський',
      'Ґудзь',
      'Еллада',
      'Євтушенко',
      'Иванюк',
      'Іванів',
      'Їжак',
      'Йовенко',
      'Марченко',
      'Марян',
      // The apostrophe does not count, whichever of its three spellings: Маряненко, then ' ’ ʼ and case break the tie.
      "Мар'яненко",
      'Мар’яненко',
      'марʼяненко',
      'Марʼяненко',
      'якименко',
      'ЯКИМЕНКО',
      'Gonta',
    ];
    const withoutApostrophes = (list: string[]) => list.filter((name) => !/['’ʼ]/.test(name));
    expect(withoutApostrophes([...names].sort(intl.compare)), 'what Intl itself says').toEqual(withoutApostrophes(expected));
    expect([...names].sort(byKey)).toEqual(expected);
  });

  it('sort random mixed texts exactly as Intl.Collator("uk") does', () => {
    const random = createRandom(2026);
    const upper = ukrainianAlphabet.toLocaleUpperCase('uk');
    // Apostrophes are the one deliberate difference from Intl (see ukSortKey), tested on their own.
    const alphabet = [...`${ukrainianAlphabet}${upper}- 0123456789abcxyzABCXYZ`];
    // A small alphabet too, so that many texts tie on letters and the lower levels decide.
    const narrow = [...'гГґҐиИіІїЇ- '];
    const text = (chars: string[]) => Array.from({ length: random.int(0, 8) }, () => random.pick(chars)).join('');
    const texts = [...Array.from({ length: 3000 }, () => text(alphabet)), ...Array.from({ length: 3000 }, () => text(narrow))];
    const unique = [...new Set(texts)];
    expect([...unique].sort(byKey)).toEqual([...unique].sort(intl.compare));
    for (let i = 0; i < 20_000; i++) {
      const a = random.pick(unique);
      const b = random.pick(unique);
      expect(byKey(a, b), `${a} against ${b}`).toBe(Math.sign(intl.compare(a, b)));
    }
  });

  it('put characters the table does not know after every known one, by code point', () => {
    expect(['☃', 'Ω', 'я', 'z', 'Ā'].sort(byKey)).toEqual(['я', 'z', 'Ā', 'Ω', '☃']);
    // A й typed as и with a combining breve is the same letter.
    expect(ukSortKey('Йосип')).toBe(ukSortKey('И\u0306осип'));
    expect(ukSortKey('')).toBe('\u0001\u0001');
  });

  it('keep the house-number alphabet in order with the 33 Ukrainian letters', () => {
    expect([...ukrainianAlphabet]).toHaveLength(33);
    expect([...ukrainianAlphabet].sort(intl.compare).join('')).toBe(ukrainianAlphabet);
  });
});

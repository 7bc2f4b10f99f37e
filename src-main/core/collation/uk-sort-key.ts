import { ukOrderTable } from './uk-order-table';

/**
 * Sort keys whose plain binary order (SQLite's BINARY collation: UTF-8 bytes, that is code points)
 * is the order Intl.Collator('uk') gives the texts. better-sqlite3 cannot register a collation,
 * so lists sorted by name store this key beside the name and ORDER BY it; an index on the key
 * keeps paging cheap.
 *
 * A key has ICU's three levels, each a string of one character per character of the text:
 * primary (which letter, case aside) ‹1› secondary (’ against ', ё against е) ‹1› tertiary (case).
 * The separator U+0001 is below every weight, so a text that is a prefix of another sorts first,
 * and a level is only looked at when the ones before it are equal — as Intl compares.
 *
 * Keys are stored: changing the table or this encoding needs a migration that recomputes them.
 */

/** Weights are written as characters from U+0002 up: below the separator nothing, above it everything. */
const weight = (n: number) => String.fromCharCode(0x02 + n);
const separator = '\u0001';
/** A character the table does not know comes after every known one, then by its code point. */
const outside = weight(ukOrderTable.length);
const common = weight(0);

const weights = new Map<string, { primary: string; secondary: string; tertiary: string }>();
ukOrderTable.forEach((variants, primary) =>
  variants.forEach((cases, secondary) =>
    [...cases].forEach((ch, tertiary) =>
      weights.set(ch, { primary: weight(primary), secondary: weight(secondary), tertiary: weight(tertiary) }),
    ),
  ),
);

/** Trailing common weights say nothing when the levels before are equal (same length); dropping them keeps keys short. */
const trimCommon = (level: string) => {
  let end = level.length;
  while (end > 0 && level[end - 1] === common) end--;
  return level.slice(0, end);
};

/**
 * The apostrophe does not count in Ukrainian alphabetical order (Мар'яненко files as Маряненко), and
 * names carry it in three spellings: ' from the keyboard, ’ from word processors, ʼ (U+02BC) as the
 * standard recommends. Intl sorts the first two as punctuation, before every letter, and ʼ after
 * every letter, so one surname would stand in three places; here all three are ignored but for
 * breaking a tie, in this order.
 */
const apostrophes = ["'", '’', 'ʼ'];

/**
 * The stored sort key of a name: compare keys as plain strings, get Intl.Collator('uk') order —
 * apostrophes aside (above).
 */
export function ukSortKey(text: string): string {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  // NFC: a й typed as и + combining breve is the same letter, as it is to Intl.
  for (const ch of text.normalize('NFC')) {
    const apostrophe = apostrophes.indexOf(ch);
    if (apostrophe >= 0) {
      secondary += weight(ukOrderTable.length + 1 + apostrophe);
      continue;
    }
    const known = weights.get(ch);
    primary += known ? known.primary : outside + ch;
    secondary += known ? known.secondary : common;
    tertiary += known ? known.tertiary : common;
  }
  return primary + separator + trimCommon(secondary) + separator + trimCommon(tertiary);
}

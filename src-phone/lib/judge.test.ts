import { describe, expect, it } from 'vitest';
import { acceptJudgement } from '../../src-main/core/entry/plausibility';
import type { FieldPosition } from '../../shared/contract/field';
import { readingCheckSentence } from '../../shared/i18n/reading-checks';
import { judgeBands } from '../../shared/validation/bands';
import { checkSentences, decideReading, parseReading } from './judge';

const today = '2026-03-04';
const position: Pick<FieldPosition, 'judge' | 'meter' | 'commodity'> = {
  commodity: 'gas',
  meter: { serial: 'G-1', model: 'Самгаз G4', digits: 5 },
  judge: {
    previous: { value: 1000, takenOn: '2026-02-02' },
    digits: 5,
    cutoff: null,
    expected: 100,
    monthlyMax: 500,
    bands: { highFactor: 3, lowFactor: 3, zeroDays: 60 },
  },
};

describe('judging a reading on the phone', () => {
  it('passes a consumption of exactly 3 × expected and asks to re-type one above it', () => {
    expect(decideReading('1300', null, position, today)).toEqual({ kind: 'ready', value: 1300, confirmed: [] });

    const asked = decideReading('1301', null, position, today);
    expect(asked.kind).toBe('retype');
    if (asked.kind !== 'retype') return;
    expect(asked.checks.map((c) => c.code)).toEqual(['tooHigh']);
    // The same words as the workstation's entry dialog, with the point's unit.
    expect(checkSentences(asked.checks, position)).toEqual([readingCheckSentence(asked.checks[0]!, 'uk', 'м³')]);
    expect(checkSentences(asked.checks, position)[0]).toMatch(/^Споживання 301 м³ — у 3 рази більше звичайного/);
  });

  it('takes the reading once it is typed again the same, with the checks it confirmed', () => {
    expect(decideReading('1301', '', position, today).kind).toBe('retype');
    expect(decideReading('1301', '1301', position, today)).toEqual({ kind: 'ready', value: 1301, confirmed: ['tooHigh'] });
    expect(decideReading('1301', ' 01301 ', position, today)).toEqual({ kind: 'ready', value: 1301, confirmed: ['tooHigh'] });
    expect(decideReading('1301', '1310', position, today)).toMatchObject({
      kind: 'mismatch',
      message: 'Повторно введений показник не збігається з першим — перевірте значення.',
    });
  });

  it('asks exactly where the workstation would, for every value around the bands', () => {
    const judge = position.judge;
    for (let value = 900; value <= 1500; value += 1) {
      const judged = judgeBands({ ...judge, value, checkedOn: today });
      let coreAsks = false;
      try {
        acceptJudgement(value, judged, judge.expected, { accepted: [], retypedValue: null });
      } catch {
        coreAsks = true;
      }
      const phone = decideReading(String(value), null, position, today);
      expect(phone.kind === 'retype', `value ${value}`).toBe(coreAsks);
      if (phone.kind === 'retype') {
        // What the phone then sends as confirmed is what the core accepts for that value.
        const retyped = decideReading(String(value), String(value), position, today);
        if (retyped.kind !== 'ready') throw new Error(`value ${value} not taken after re-typing`);
        expect(() =>
          acceptJudgement(value, judged, judge.expected, { accepted: retyped.confirmed, retypedValue: String(value) }),
        ).not.toThrow();
      }
    }
  });

  it('asks for a reading below the previous one, and for one too low, and judges by the monthly maximum without an expected figure', () => {
    expect(decideReading('999', null, position, today)).toMatchObject({ kind: 'retype', checks: [{ code: 'belowPrevious' }] });
    expect(decideReading('1020', null, position, today)).toMatchObject({ kind: 'retype', checks: [{ code: 'tooLow' }] });
    const noHistory = { ...position, judge: { ...position.judge, expected: null } };
    // 30 days: 500 × 30 / 30.4 → 493 allowed.
    expect(decideReading('1493', null, noHistory, today).kind).toBe('ready');
    expect(decideReading('1494', null, noHistory, today)).toMatchObject({ kind: 'retype', checks: [{ code: 'overMaximum' }] });
  });

  it("does not ask again for a saved reading's value whose checks were confirmed when it was saved", () => {
    expect(decideReading('1301', null, position, today, { value: 1301, confirmed: ['tooHigh'] }).kind).toBe('ready');
    expect(decideReading('1302', null, position, today, { value: 1301, confirmed: ['tooHigh'] }).kind).toBe('retype');
  });

  it("refuses what is not a reading in the entry screen's words, digits checked against the meter's", () => {
    expect(parseReading('12a', 5)).toEqual({ error: 'Показник — ціле число без пробілів і літер.' });
    expect(parseReading('-5', 5)).toEqual({ error: 'Показник не може бути відʼємним.' });
    expect(parseReading('100000', 5)).toEqual({ error: 'Показник має більше цифр, ніж лічильник (5 розр.).' });
    expect(parseReading('99999', 5)).toEqual({ value: 99999 });
    expect(decideReading('100000', null, position, today)).toMatchObject({ kind: 'invalid' });
  });
});

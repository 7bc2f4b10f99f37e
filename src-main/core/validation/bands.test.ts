import { describe, expect, it } from 'vitest';
import { readingCheckSentence } from '../../../shared/i18n/reading-checks';
import { testDistrict } from '../../../tests/support/test-district';
import { judgeBands, type ReadingToJudge } from '../../../shared/validation/bands';
import { expectedConsumption } from './expected';
import { readValidationSettings } from './validation-settings';

const bands = { highFactor: 3, lowFactor: 3, zeroDays: 60 };
/** A reading 30 days after a previous control reading of 1000, on a 6-digit meter of a connected point. */
const reading = (over: Partial<ReadingToJudge>): ReadingToJudge => ({
  value: 1000,
  previous: { value: 1000, takenOn: '2025-03-01' },
  checkedOn: '2025-03-31',
  digits: 6,
  cutoff: null,
  expected: null,
  monthlyMax: 1000,
  bands,
  ...over,
});
const codes = (over: Partial<ReadingToJudge>) => judgeBands(reading(over)).checks.map((check) => check.code);

describe('the bands, each at its edge', () => {
  it('passes exactly highFactor × expected and stops a unit above', () => {
    expect(codes({ value: 1120, expected: 40 })).toEqual([]);
    expect(judgeBands(reading({ value: 1121, expected: 40 })).checks).toEqual([
      { code: 'tooHigh', consumption: 121, expected: 40, ratio: 3, factor: 3 },
    ]);
    expect(codes({ value: 1121, expected: 40, bands: { ...bands, highFactor: 4 } })).toEqual([]);
  });

  it('passes exactly expected / lowFactor and stops a unit below', () => {
    expect(codes({ value: 1100, expected: 300 })).toEqual([]);
    expect(judgeBands(reading({ value: 1099, expected: 300 })).checks).toEqual([
      { code: 'tooLow', consumption: 99, expected: 300, ratio: 3, factor: 3 },
    ]);
  });

  it('holds an edge of expected in thousandths: 3 × 33.334 is 100.002, so 100 passes and 101 does not', () => {
    expect(codes({ value: 1100, expected: 33.334 })).toEqual([]);
    expect(codes({ value: 1101, expected: 33.334 })).toEqual(['tooHigh']);
  });

  it('stops zero consumption on a connected point over more than zeroDays: the day before and the day of pass, the day after does not', () => {
    const zeroAfter = (days: number) =>
      codes({ checkedOn: new Date(Date.parse('2025-03-01') + days * 86_400_000).toISOString().slice(0, 10) });
    expect(zeroAfter(59)).toEqual([]);
    expect(zeroAfter(60)).toEqual([]);
    expect(zeroAfter(61)).toEqual(['zero']);
    expect(judgeBands(reading({ checkedOn: '2025-05-01' })).checks).toEqual([{ code: 'zero', days: 61, zeroDays: 60 }]);
  });

  it('calls a shorter zero too low when the point usually uses something, and a long one zero only', () => {
    expect(judgeBands(reading({ expected: 300 })).checks).toEqual([
      { code: 'tooLow', consumption: 0, expected: 300, ratio: null, factor: 3 },
    ]);
    expect(codes({ expected: 600, checkedOn: '2025-05-01' })).toEqual(['zero']);
  });

  it('stops a rise above the cut-off reading on a disconnected point, and nothing else there', () => {
    expect(judgeBands(reading({ cutoff: 1000, value: 1001, expected: 300 })).checks).toEqual([
      { code: 'afterDisconnection', consumption: 1 },
    ]);
    expect(codes({ cutoff: 1000, checkedOn: '2025-12-31', expected: 300 })).toEqual([]);
    // Used before the crew came: above the previous reading, not above the cut-off.
    expect(codes({ cutoff: 1050, value: 1050, expected: 10 })).toEqual([]);
  });

  it('tells a rollover from a step back, and judges the rollover consumption like any other', () => {
    const previous = { value: 999_990, takenOn: '2025-03-01' };
    expect(judgeBands(reading({ previous, value: 20, expected: 10 }))).toEqual({
      consumption: 30,
      days: 30,
      checks: [{ code: 'rollover', value: 20, previous: 999_990, consumption: 30 }],
    });
    expect(codes({ previous, value: 21, expected: 10 })).toEqual(['rollover', 'tooHigh']);
    expect(judgeBands(reading({ value: 999, expected: 10 })).checks).toEqual([{ code: 'belowPrevious', value: 999, previous: 1000 }]);
    expect(codes({ previous, value: 20, digits: null })).toEqual(['belowPrevious']);
  });

  it('falls back to the monthly maximum for the days without an expected figure, or with one of 0', () => {
    // 38 days of a 100 a month: 125 allowed.
    const overMax = (value: number, expected: number | null = null) => codes({ value, expected, monthlyMax: 100, checkedOn: '2025-04-08' });
    expect(overMax(1125)).toEqual([]);
    expect(judgeBands(reading({ value: 1126, monthlyMax: 100, checkedOn: '2025-04-08' })).checks).toEqual([
      { code: 'overMaximum', consumption: 126, allowed: 125, max: 100, days: 38 },
    ]);
    expect(overMax(1126, 0)).toEqual(['overMaximum']);
    expect(overMax(1125, 0)).toEqual([]);
  });

  it('has nothing to say about a point first reading', () => {
    expect(judgeBands(reading({ previous: null, value: 5 }))).toEqual({ consumption: 0, days: 0, checks: [] });
  });
});

describe('a reading judged by the point own history', () => {
  it('says a spike is 4,2 times the usual for this point', () => {
    const d = testDistrict();
    const point = d.points.sh2[0]!;
    const insert = d.db.prepare("INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, ?, 'control')");
    insert.run(point, '2025-01-01', 1000);
    insert.run(point, '2025-03-02', 1600);
    insert.run(point, '2025-05-01', 2200);
    const expected = expectedConsumption(d.db).expectedFor(point, '2025-05-01', '2025-05-31');
    const settings = readValidationSettings(d.db);
    const judged = judgeBands({
      value: 2200 + 1260,
      previous: { value: 2200, takenOn: '2025-05-01' },
      checkedOn: '2025-05-31',
      digits: 6,
      cutoff: null,
      expected,
      monthlyMax: 5000,
      bands: settings.bands.electricity,
    });
    expect(judged.checks).toEqual([{ code: 'tooHigh', consumption: 1260, expected: 300, ratio: 4.2, factor: 3 }]);
    const [check] = judged.checks;
    expect(readingCheckSentence(check!, 'uk')).toBe(
      'Споживання 1 260 — у 4,2 раза більше звичайного для цієї точки (очікувалося близько 300).',
    );
    expect(readingCheckSentence(check!, 'en')).toBe('Consumption 1,260 is 4.2 times the usual for this point (about 300 expected).');
  });
});

describe('the sentences', () => {
  it('say times and days as Ukrainian counts them', () => {
    const high = (ratio: number) =>
      readingCheckSentence({ code: 'tooHigh', consumption: 0, expected: 1, ratio, factor: 3 }, 'uk').split(' — ')[1]!.split(' більше')[0];
    expect([high(2), high(5), high(21), high(3.5), high(12)]).toEqual(['у 2 рази', 'у 5 разів', 'у 21 раз', 'у 3,5 раза', 'у 12 разів']);
    expect(readingCheckSentence({ code: 'zero', days: 61, zeroDays: 60 }, 'uk')).toBe(
      'Нульове споживання за 61 день на підключеній точці (допускається до 60 днів).',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { expectedConsumption, robustRate } from './expected';
import { profileFromShares, readProfiles } from './profile';

const gasShares = [16, 14, 12, 7, 3, 2, 2, 2, 3, 8, 13, 18];

function district() {
  const d = testDistrict();
  const reading = (pointId: number, takenOn: string, value: number, kind = 'control', rollover = 0) =>
    d.db
      .prepare('INSERT INTO readings (point_id, taken_on, value, kind, rollover) VALUES (?, ?, ?, ?, ?)')
      .run(pointId, takenOn, value, kind, rollover);
  const gas = (pointId: number) => d.db.prepare("UPDATE metering_points SET commodity = 'gas' WHERE id = ?").run(pointId);
  const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { ...d, reading, gas, addDays, expected: expectedConsumption(d.db) };
}

/** A household using `yearly` over the year, spread by the default gas shares, read on the first of every month. */
function monthlyHistory(d: ReturnType<typeof district>, pointId: number, from: number, to: number, yearly: number) {
  let value = 1000;
  for (let year = from; year <= to; year++) {
    for (let month = 1; month <= 12; month++) {
      d.reading(pointId, `${year}-${String(month).padStart(2, '0')}-01`, value);
      value += Math.round((yearly * gasShares[month - 1]!) / 100);
    }
  }
  d.reading(pointId, `${to + 1}-01-01`, value);
}

describe('the consumption profile', () => {
  it('weighs a flat profile one a day, so weighted days are days', () => {
    const flat = profileFromShares(Array.from({ length: 12 }, () => 1 / 12));
    expect(flat.weightedDays('2025-01-01', '2026-01-01')).toBeCloseTo(365, 9);
    expect(flat.weightedDays('2024-02-10', '2024-03-10')).toBeCloseTo(29, 9);
  });

  it('weighs a January day of gas eight July days with the default shares, which the migration writes', () => {
    const d = district();
    const gas = readProfiles(d.db).gas;
    expect(gas.dayWeight[0]).toBeCloseTo(1.92, 9);
    expect(gas.dayWeight[6]).toBeCloseTo(0.24, 9);
    expect(gas.weightedDays('2025-01-01', '2025-02-01')).toBeCloseTo(31 * 1.92, 9);
    expect(gas.weightedDays('2025-07-01', '2025-08-01')).toBeCloseTo(31 * 0.24, 9);
    // Across a year boundary, part December, part January.
    expect(gas.weightedDays('2025-12-30', '2026-01-02')).toBeCloseTo(2 * 2.16 + 1 * 1.92, 9);
    const electricity = readProfiles(d.db).electricity;
    expect(electricity.weightedDays('2025-01-01', '2025-07-01')).toBeCloseTo(181, 9);
  });

  it('takes shares relative to their sum, as an administrator may type percentages', () => {
    expect(profileFromShares(gasShares).dayWeight[0]).toBeCloseTo(1.92, 9);
  });
});

describe('expected consumption from the point own history', () => {
  it('expects a gas point to use eight times as much in January as in July, from two years of monthly readings', () => {
    const d = district();
    const point = d.points.sh2[0]!;
    d.gas(point);
    monthlyHistory(d, point, 2024, 2025, 1200);
    const history = d.expected.history.of([point], '2026-01-02').get(point)!;
    // The window is the 24 months before 2 January 2026: 1 January 2024 is just out of it.
    expect(history).toMatchObject({ commodity: 'gas', readings: 24, rates: 23, outliers: 0 });
    // 1200 m³ a year is 192 in January (16 %) and 24 in July (2 %).
    expect(d.expected.expectedFor(point, '2026-01-01', '2026-02-01')).toBeCloseTo(192, 0);
    expect(d.expected.expectedFor(point, '2025-07-01', '2025-08-01')).toBeCloseTo(24, 0);
  });

  it('expects the same history of an electricity point evenly over the year', () => {
    const d = district();
    const point = d.points.sh2[0]!;
    monthlyHistory(d, point, 2024, 2025, 1200);
    const history = d.expected.history.of([point], '2026-01-02').get(point)!;
    const profiles = d.expected.profiles();
    const january = d.expected.expectedOver(history, '2026-01-01', '2026-02-01', profiles)!;
    const july = d.expected.expectedOver(history, '2026-07-01', '2026-08-01', profiles)!;
    expect(january).toBeGreaterThan(0);
    expect(january).toBe(july);
  });

  it('reads only the window: readings older than historyMonths before the date are not the point any more', () => {
    const d = district();
    const point = d.points.sh2[0]!;
    // Three years ago it used 50 a day; the last two years 10 a day.
    d.reading(point, '2022-01-01', 0);
    d.reading(point, '2022-03-02', 3000);
    d.reading(point, '2022-05-01', 6000);
    d.reading(point, '2024-06-01', 10_000);
    d.reading(point, '2024-07-31', 10_600);
    d.reading(point, '2024-09-29', 11_200);
    d.reading(point, '2024-11-28', 11_800);
    expect(d.expected.history.of([point], '2025-01-01').get(point)).toMatchObject({ readings: 4, rates: 3, baseRate: 10 });
    d.db.prepare("UPDATE settings SET value = '48' WHERE key = 'validation.historyMonths'").run();
    expect(d.expected.history.of([point], '2025-01-01').get(point)).toMatchObject({ readings: 7 });
  });

  it('gives an expected consumption from three control readings, and none from two', () => {
    const d = district();
    const [three, two] = d.points.sh10 as [number, number, number];
    d.reading(three, '2025-01-01', 1000);
    d.reading(three, '2025-03-02', 1600);
    d.reading(three, '2025-05-01', 2200);
    d.reading(two, '2025-01-01', 1000);
    d.reading(two, '2025-03-02', 1600);
    expect(d.expected.expectedFor(three, '2025-05-01', '2025-05-31')).toBe(300);
    expect(d.expected.expectedFor(two, '2025-03-02', '2025-05-01')).toBeNull();
    expect(d.expected.history.of([two], '2025-06-01').get(two)).toMatchObject({ readings: 2, rates: 1, baseRate: null });
  });

  it('gives none for a point without readings, and knows the point all the same', () => {
    const d = district();
    const point = d.points.sa1[0]!;
    expect(d.expected.history.of([point], '2025-06-01').get(point)).toMatchObject({ readings: 0, rates: 0, baseRate: null });
    expect(d.expected.expectedFor(point, '2025-05-01', '2025-06-01')).toBeNull();
  });

  it('does not count the day asked about: the reading being judged is not its own history', () => {
    const d = district();
    const point = d.points.sa1[0]!;
    d.reading(point, '2025-01-01', 1000);
    d.reading(point, '2025-03-02', 1600);
    d.reading(point, '2025-05-01', 2200);
    expect(d.expected.history.of([point], '2025-05-01').get(point)).toMatchObject({ readings: 2, baseRate: null });
    expect(d.expected.history.of([point], '2025-05-02').get(point)).toMatchObject({ readings: 3, baseRate: 10 });
  });

  it('leaves out an interval far from the others, and self-readings and billing figures altogether', () => {
    const d = district();
    const point = d.points.sh10a[0]!;
    let value = 1000;
    let date = '2024-01-01';
    for (const used of [300, 310, 290, 3000, 300, 305, 295]) {
      d.reading(point, date, value);
      value += used;
      date = d.addDays(date, 30);
    }
    d.reading(point, date, value);
    // A consumer's own figure and a billing estimate in between would make every rate absurd.
    d.reading(point, '2024-01-15', 900_000, 'self');
    d.reading(point, '2024-02-15', 5, 'billing');
    const history = d.expected.history.of([point], '2025-01-01').get(point)!;
    expect(history).toMatchObject({ readings: 8, rates: 7, outliers: 1 });
    expect(history.baseRate).toBeCloseTo(10, 9);
  });

  it('counts a rollover entered as one across 10^digits, and skips a step down that was not', () => {
    const d = district();
    const [wrapped, stepped] = d.points.sh10 as [number, number, number];
    // The test district's meters have 6 digits: 999 700 → 200 is 500 used.
    for (const [point, rollover] of [
      [wrapped, 1],
      [stepped, 0],
    ] as const) {
      d.reading(point, '2025-01-01', 999_200);
      d.reading(point, '2025-02-20', 999_700);
      d.reading(point, '2025-04-11', 200, 'control', rollover);
      d.reading(point, '2025-05-31', 700);
    }
    const histories = d.expected.history.of([wrapped, stepped], '2025-06-01');
    expect(histories.get(wrapped)).toMatchObject({ readings: 4, rates: 3, baseRate: 10 });
    expect(histories.get(stepped)).toMatchObject({ readings: 4, rates: 2, baseRate: 10 });
  });

  it('takes the last control reading entered on a day as that day', () => {
    const d = district();
    const point = d.points.po5[0]!;
    d.reading(point, '2025-01-01', 1000);
    d.reading(point, '2025-01-31', 9999);
    d.reading(point, '2025-01-31', 1300);
    d.reading(point, '2025-03-02', 1600);
    expect(d.expected.history.of([point], '2025-04-01').get(point)).toMatchObject({ readings: 3, rates: 2, baseRate: 10 });
  });

  it('answers the whole district as it answers each point', () => {
    const d = district();
    const [a, b] = d.points.sh10 as [number, number, number];
    d.gas(a);
    monthlyHistory(d, a, 2024, 2025, 900);
    d.reading(b, '2025-01-01', 1000);
    d.reading(b, '2025-03-02', 1600);
    d.reading(b, '2025-05-01', 2200);
    const all = d.expected.history.ofAll('2026-01-02');
    expect(all.size).toBe(7);
    for (const id of [a, b, d.points.sa1[0]!]) expect(all.get(id)).toEqual(d.expected.history.of([id], '2026-01-02').get(id));
  });
});

describe('the robust rate', () => {
  it('is the plain median of two rates, and leaves out what lies beyond the MAD fence of three or more', () => {
    expect(robustRate([10, 30])).toEqual({ rate: 20, outliers: 0 });
    expect(robustRate([10, 11, 9, 100])).toEqual({ rate: 10, outliers: 1 });
    expect(robustRate([10, 10, 10, 0])).toEqual({ rate: 10, outliers: 1 });
  });
});

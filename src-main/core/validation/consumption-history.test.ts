import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { consumptionHistory } from './consumption-history';

function district() {
  const d = testDistrict({}, { today: '2026-01-31' });
  const reading = (pointId: number, takenOn: string, value: number, { rollover = 0, kind = 'control', by = 'operator' } = {}) =>
    d.db
      .prepare('INSERT INTO readings (point_id, taken_on, value, kind, rollover, entered_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(pointId, takenOn, value, kind, rollover, by);
  const gas = (pointId: number) => d.db.prepare("UPDATE metering_points SET commodity = 'gas' WHERE id = ?").run(pointId);
  const history = consumptionHistory(d.db);
  /** The months that have a figure, as month → consumption. */
  const figures = (pointId: number, asOf: string) =>
    Object.fromEntries(
      history
        .of(pointId, asOf)
        .months.filter((month) => month.consumption !== null)
        .map((month) => [month.month, month.consumption]),
    );
  return { ...d, reading, gas, history, figures };
}

describe('a point’s consumption by month', () => {
  it('shows the 24 calendar months ending with the as-of month, each null without a reading around it', () => {
    const d = district();
    const point = d.points.sh2[0]!;
    const chart = d.history.of(point, '2026-01-31');
    expect(chart.months).toHaveLength(24);
    expect(chart.months[0]).toEqual({ month: '2024-02', consumption: null, expected: null, coveredDays: 0, days: 29 });
    expect(chart.months.at(-1)!.month).toBe('2026-01');
    expect(chart.readings).toEqual([]);
    expect(chart.baseRate).toBeNull();
  });

  it('splits a 60-day gas interval from December into January by the heating weights, not by the days', () => {
    const d = district();
    const point = d.points.sh2[0]!;
    d.gas(point);
    d.reading(point, '2025-12-01', 1000);
    d.reading(point, '2026-01-30', 1600);
    // 31 December days weigh 2.16 each, 29 January days 1.92: 66.96 of 122.64 weighted days fall in December.
    const december = (600 * 31 * 2.16) / (31 * 2.16 + 29 * 1.92);
    const chart = d.history.of(point, '2026-01-31');
    expect(chart.months.at(-2)).toMatchObject({ month: '2025-12', coveredDays: 31, days: 31 });
    expect(chart.months.at(-2)!.consumption).toBeCloseTo(december, 3);
    expect(chart.months.at(-1)).toMatchObject({ month: '2026-01', coveredDays: 29, days: 31 });
    expect(chart.months.at(-1)!.consumption).toBeCloseTo(600 - december, 3);
    // By plain days December would get 31/60 of it; the heating profile gives it a little more.
    expect(december).toBeGreaterThan((600 * 31) / 60);
    // Every month before the first reading has no figure: null, not 0.
    expect(chart.months.slice(0, -2).every((month) => month.consumption === null && month.coveredDays === 0)).toBe(true);
    expect(chart.readings).toEqual([
      { takenOn: '2025-12-01', value: 1000, consumption: null, rollover: false, stepDown: false, meterStart: false, enteredBy: 'operator' },
      { takenOn: '2026-01-30', value: 1600, consumption: 600, rollover: false, stepDown: false, meterStart: false, enteredBy: 'operator' },
    ]);
  });

  it('counts a rollover across 10^digits, and gives no figure for a step down that is not one', () => {
    const d = district();
    const [rolled, stepped] = d.points.sh10 as [number, number];
    // The test district's meters have 6 digits.
    d.reading(rolled, '2025-03-01', 999_900);
    d.reading(rolled, '2025-04-01', 100, { rollover: 1 });
    d.reading(stepped, '2025-03-01', 5000);
    d.reading(stepped, '2025-04-01', 4000);
    d.reading(stepped, '2025-05-01', 4300);
    expect(d.figures(rolled, '2025-06-15')).toEqual({ '2025-03': 200 });
    expect(d.history.of(rolled, '2025-06-15').readings.at(-1)).toMatchObject({ consumption: 200, rollover: true, stepDown: false });
    // March, between 5000 and 4000, has no figure; April, from 4000 to 4300, has.
    expect(d.figures(stepped, '2025-06-15')).toEqual({ '2025-04': 300 });
    const months = d.history.of(stepped, '2025-06-15').months;
    expect(months.find((month) => month.month === '2025-03')).toMatchObject({ consumption: null, coveredDays: 0 });
    expect(d.history.of(stepped, '2025-06-15').readings.map((r) => [r.consumption, r.stepDown])).toEqual([
      [null, false],
      [null, true],
      [300, false],
    ]);
  });

  it('gives 0 for a month read and unused, null for months after the last reading', () => {
    const d = district();
    const point = d.points.sh2[0]!;
    d.reading(point, '2025-03-01', 500);
    d.reading(point, '2025-04-01', 500);
    const months = d.history.of(point, '2025-06-30').months;
    expect(months.slice(-4).map((month) => month.consumption)).toEqual([0, null, null, null]);
  });

  it('runs the window’s first interval from the last reading before it, and lists only the readings in it', () => {
    const d = district();
    const point = d.points.sh2[0]!;
    d.reading(point, '2023-12-22', 1000);
    d.reading(point, '2024-01-11', 1200);
    const chart = d.history.of(point, '2025-12-31');
    // 10 days of December 2023 are outside the window; 10 of January 2024 are its first month.
    expect(chart.months[0]).toMatchObject({ month: '2024-01', consumption: 100, coveredDays: 10 });
    expect(chart.readings).toEqual([
      { takenOn: '2024-01-11', value: 1200, consumption: 200, rollover: false, stepDown: false, meterStart: false, enteredBy: 'operator' },
    ]);
  });

  it('reads only control readings, up to the as-of date, and the later of two on one day', () => {
    const d = district();
    const point = d.points.sh2[0]!;
    d.reading(point, '2025-03-01', 100);
    d.reading(point, '2025-03-20', 900, { kind: 'self' });
    d.reading(point, '2025-04-01', 999, { by: 'first' });
    d.reading(point, '2025-04-01', 400, { by: 'corrected' });
    d.reading(point, '2025-05-01', 600);
    expect(d.figures(point, '2025-04-30')).toEqual({ '2025-03': 300 });
    expect(d.history.of(point, '2025-04-30').readings.map((r) => r.enteredBy)).toEqual(['operator', 'corrected']);
  });

  it('expects the point’s rate × the weighted days of each month with enough history, and nothing without', () => {
    const d = district();
    const [regular, short] = d.points.sh10 as [number, number];
    // 10 a day for a year, read on the first of every month: 310 in a 31-day month, 280 in February.
    let value = 1000;
    for (let month = 1; month <= 12; month++) {
      const on = `2025-${String(month).padStart(2, '0')}-01`;
      d.reading(regular, on, value);
      value += 10 * new Date(Date.UTC(2025, month, 0)).getUTCDate();
    }
    d.reading(regular, '2026-01-01', value);
    const chart = d.history.of(regular, '2026-01-31');
    expect(chart.baseRate).toBe(10);
    const month = (key: string) => chart.months.find((m) => m.month === key)!;
    expect(month('2025-01')).toMatchObject({ consumption: 310, expected: 310, coveredDays: 31 });
    expect(month('2025-02')).toMatchObject({ consumption: 280, expected: 280 });
    expect(month('2024-06')).toMatchObject({ consumption: null, expected: 300 });
    expect(month('2026-01')).toMatchObject({ consumption: null, expected: 310 });

    d.reading(short, '2025-01-01', 1000);
    d.reading(short, '2025-03-01', 1600);
    const few = d.history.of(short, '2026-01-31');
    expect(few.baseRate).toBeNull();
    expect(few.months.every((m) => m.expected === null)).toBe(true);
    expect(Object.keys(d.figures(short, '2026-01-31'))).toEqual(['2025-01', '2025-02']);
  });

  it('is served on validation.pointConsumption, as of today unless asked, and refuses a point that is not there', () => {
    const d = district();
    const point = d.points.sh2[0]!;
    d.reading(point, '2025-12-01', 100);
    d.reading(point, '2026-01-01', 131);
    expect(d.call('validation.pointConsumption', { pointId: point })).toMatchObject({
      pointId: point,
      commodity: 'electricity',
      asOf: '2026-01-31',
    });
    // As of the last day of December the January reading is not taken yet.
    expect(d.call('validation.pointConsumption', { pointId: point, asOf: '2025-12-31' }).months.at(-1)).toMatchObject({
      month: '2025-12',
      consumption: null,
    });
    expect(d.call('validation.pointConsumption', { pointId: point, asOf: '2026-01-01' }).months.at(-2)).toMatchObject({
      month: '2025-12',
      consumption: 31,
    });
    expect(d.refusal('validation.pointConsumption', { pointId: 99_999 }).code).toBe('notFound.point');
  });
});

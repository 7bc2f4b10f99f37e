import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { createCore } from '../app';
import { expectedConsumption } from './expected';
import { readProfiles } from './profile';

const gasShares = [16, 14, 12, 7, 3, 2, 2, 2, 3, 8, 13, 18];
const flat = Array.from({ length: 12 }, () => 1);

function district() {
  const d = testDistrict();
  const rows = () => d.db.prepare('SELECT commodity, month, share FROM consumption_profile ORDER BY commodity, month').all();
  const audited = () => d.call('audit.list', { entity: 'consumptionProfile' }).rows;
  return { ...d, rows, audited };
}

/** A gas point read on the first of every month for two years, using 1,200 m³ a year spread as the default shares spread it. */
function heatedHousehold(d: ReturnType<typeof district>) {
  const point = d.points.sh2[0]!;
  d.db.prepare("UPDATE metering_points SET commodity = 'gas' WHERE id = ?").run(point);
  const reading = d.db.prepare("INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, ?, 'control')");
  let value = 1000;
  for (const year of [2024, 2025]) {
    for (let month = 1; month <= 12; month++) {
      reading.run(point, `${year}-${String(month).padStart(2, '0')}-01`, value);
      value += (1200 * gasShares[month - 1]!) / 100;
    }
  }
  reading.run(point, '2026-01-01', value);
  return point;
}

describe('Сервіс / Профіль споживання', () => {
  it('lists both commodities with each month share, part of the year and day weight as the core weighs them', () => {
    const [gas, electricity] = district().call('profile.list', {});
    expect(gas!.commodity).toBe('gas');
    expect(gas!.months).toHaveLength(12);
    expect(gas!.months[0]).toMatchObject({ month: 1, share: 0.16 });
    expect(gas!.months[0]!.ofYear).toBeCloseTo(0.16, 9);
    expect(gas!.months[0]!.dayWeight).toBeCloseTo(1.92, 9);
    expect(gas!.months[6]!.dayWeight).toBeCloseTo(0.24, 9);
    expect(electricity!.commodity).toBe('electricity');
    for (const month of electricity!.months) {
      expect(month.dayWeight).toBeCloseTo(1, 9);
      expect(month.ofYear).toBeCloseTo(1 / 12, 9);
    }
  });

  it('saves twelve shares at once, and expected consumption is weighted by them from then on', () => {
    const d = district();
    const point = heatedHousehold(d);
    const expected = expectedConsumption(d.db);
    // What a January is expected to use over what a July is, both from the point's history as of 2026.
    const januaryToJuly = () => {
      const history = expected.history.of([point], '2026-01-02').get(point)!;
      const profiles = expected.profiles();
      const over = (from: string, to: string) => expected.expectedOver(history, from, to, profiles)!;
      return over('2026-01-01', '2026-02-01') / over('2026-07-01', '2026-08-01');
    };
    // The heating profile: a January uses eight Julys.
    expect(januaryToJuly()).toBeCloseTo(8, 3);
    const saved = d.call('profile.save', { commodity: 'gas', shares: flat });
    expect(saved.months.map((m) => m.dayWeight)).toEqual(flat);
    expect(readProfiles(d.db).gas.dayWeight).toEqual(flat);
    // A flat profile: two months of 31 days expect the same.
    expect(januaryToJuly()).toBeCloseTo(1, 3);
    expect(d.call('profile.list', {})[1]!.months[0]!.dayWeight).toBeCloseTo(1, 9);
  });

  it('keeps the change in the audit log: who, the shares before and after', () => {
    const d = district();
    d.call('profile.save', { commodity: 'electricity', shares: [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2] });
    const [entry] = d.audited();
    expect(entry).toMatchObject({ login: 'admin', channel: 'profile.save', action: 'change', entityId: null });
    expect(JSON.parse(entry!.oldValue!)).toEqual({ commodity: 'electricity', shares: Array.from({ length: 12 }, () => 1 / 12) });
    expect(JSON.parse(entry!.newValue!)).toEqual({ commodity: 'electricity', shares: [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2] });
  });

  it.each([
    ['eleven shares', gasShares.slice(0, 11), { code: 'profile.sharesCount', field: 'shares' }],
    ['a negative share', [16, 14, 12, -7, 3, 2, 2, 2, 3, 8, 13, 18], { code: 'profile.shareOutOfRange', field: 'shares.3' }],
    ['a share past the maximum', [16, 14, 12, 7, 3, 2, 2, 2, 3, 8, 13, 10_001], { code: 'profile.shareOutOfRange', field: 'shares.11' }],
    ['all zeros', Array.from({ length: 12 }, () => 0), { code: 'profile.allZero', field: 'shares' }],
    ['a share that is not a number', [16, 14, 12, '7', 3, 2, 2, 2, 3, 8, 13, 18], { code: 'request.invalid', field: 'shares.3' }],
  ])('refuses %s and leaves the profile as it was', (_, shares, refusal) => {
    const d = district();
    const before = d.rows();
    expect(d.refusal('profile.save', { commodity: 'gas', shares })).toMatchObject(refusal);
    expect(d.rows()).toEqual(before);
    expect(d.audited()).toEqual([]);
  });

  it('says what is wrong with the shares in the user language', () => {
    const d = district();
    const negative = [16, 14, 12, -7, 3, 2, 2, 2, 3, 8, 13, 18];
    expect(d.refusal('profile.save', { commodity: 'gas', shares: negative }).message).toBe(
      'Частка за 4-й місяць має бути числом від 0 до 10000.',
    );
    expect(d.refusal('profile.save', { commodity: 'gas', shares: negative }, 'en').message).toBe(
      'The share of month 4 must be a number from 0 to 10000.',
    );
    expect(d.refusal('profile.save', { commodity: 'gas', shares: [1, 2, 3] }).message).toBe(
      'Профіль споживання має 12 часток — по одній на місяць, а надіслано 3.',
    );
    expect(d.refusal('profile.save', { commodity: 'gas', shares: flat.map(() => 0) }, 'en').message).toBe(
      'All the shares are zero: at least one month must be above 0.',
    );
  });

  it('lets an operator look the profile up but only an administrator change it', () => {
    const d = district();
    const operator = createCore(d.db, { version: 'test', signedIn: { login: 'oper', fullName: 'Оператор', role: 'operator' } });
    expect(operator.dispatch('profile.list', {}, 'uk')).toMatchObject({ ok: true });
    expect(operator.dispatch('profile.save', { commodity: 'gas', shares: flat }, 'uk')).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    expect(readProfiles(d.db).gas.dayWeight[0]).toBeCloseTo(1.92, 9);
  });
});

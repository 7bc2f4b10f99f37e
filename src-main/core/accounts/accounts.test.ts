import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { importUkrainianOrder, ukrainianCompare, ukrainianOrder } from '../../../tests/support/ukrainian-order';
import { parseSearch } from './handlers';

describe('account search', () => {
  it('reads digits as an account number prefix and words as name or street', () => {
    expect(parseSearch(' 1023 ')).toEqual({ numberPrefix: '1023', text: '', house: '' });
    expect(parseSearch('Шевченка 10а')).toEqual({ numberPrefix: '', text: 'шевченка', house: '10а' });
    expect(parseSearch('Бойко')).toEqual({ numberPrefix: '', text: 'бойко', house: '' });
  });

  it('finds accounts by number prefix, name and street with house', () => {
    const t = testDistrict();
    expect(t.call('accounts.search', { query: '10' }).total).toBe(7);
    expect(t.call('accounts.search', { query: '103' }).rows.map((r) => r.number)).toEqual(['103']);
    expect(t.call('accounts.search', { query: 'бойко' }).total).toBe(7);
    expect(t.call('accounts.search', { query: 'шевченка 10' }).rows.map((r) => r.address)).toEqual([
      'м. Коростишів, вул. Шевченка, 10, кв. 1',
      'м. Коростишів, вул. Шевченка, 10, кв. 2',
      'м. Коростишів, вул. Шевченка, 10, кв. 10',
      'м. Коростишів, вул. Шевченка, 10а',
    ]);
    expect(t.call('accounts.search', { query: 'садова', limit: 1 }).rows).toHaveLength(1);
  });

  it('lists accounts found by words in Ukrainian order of names, page by page', () => {
    const t = testDistrict();
    importUkrainianOrder(t);
    const names = ukrainianOrder.namesOnGogolya;
    expect([...names].sort(ukrainianCompare), 'Intl agrees').toEqual(names);
    const found = t.call('accounts.search', { query: 'гоголя', limit: 100 });
    expect(found.rows.map((r) => r.fullName)).toEqual(names);
    expect(t.call('accounts.search', { query: 'гоголя', offset: 5, limit: 5 }).rows.map((r) => r.fullName)).toEqual(names.slice(5, 10));
    // Digits still list by number.
    expect(t.call('accounts.search', { query: '700', limit: 3 }).rows.map((r) => r.number)).toEqual(['7001', '7002', '7003']);
  });

  it('finds metering points in address order: houses by number and letter, then apartments as numbers', () => {
    const t = testDistrict();
    importUkrainianOrder(t);
    const onGogolya2 = ukrainianOrder.apartmentsOfGogolya2.map((apartment) => `смт Іванків, вул. Гоголя, 2, кв. ${apartment}`);
    const houses = ukrainianOrder.housesOfGogolya.slice(1).map((house) => `смт Іванків, вул. Гоголя, ${house}`);
    expect(t.call('points.search', { query: 'гоголя', limit: 100 }).map((p) => p.address)).toEqual([...onGogolya2, ...houses]);
  });

  it('finds a single metering point with the route it is on', () => {
    const t = testDistrict();
    const route = t.call('routes.save', { number: 4, name: 'Садова', sectionId: null, executorId: null });
    t.call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds: t.points.sa1 } });
    expect(t.call('points.search', { query: 'садова 1' })).toEqual([
      expect.objectContaining({ pointId: t.points.sa1[0], routeNumber: 4, address: 'м. Коростишів, вул. Садова, 1' }),
    ]);
  });

  it('opens the card with points, meter, readings, bills and payments', () => {
    const t = testDistrict();
    const point = t.points.sh2[0]!;
    const account = t.db
      .prepare<[number], { account_id: number }>('SELECT account_id FROM metering_points WHERE id = ?')
      .get(point)!.account_id;
    t.db
      .prepare(
        "INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, '2026-05-14', 1200, 'control'), (?, '2026-06-02', 1390, 'self')",
      )
      .run(point, point);
    t.db
      .prepare("INSERT INTO bills (point_id, period, amount_kop, delivered_on, paid_kop) VALUES (?, '2026-05', 82080, '2026-06-05', 0)")
      .run(point);
    t.db.prepare("INSERT INTO payments (account_id, paid_on, amount_kop, source) VALUES (?, '2026-04-20', 50000, 'Ощадбанк')").run(account);
    const card = t.call('accounts.card', { accountId: account });
    expect(card.account).toMatchObject({ number: '100', address: 'м. Коростишів, вул. Шевченка, 2' });
    expect(card.points).toHaveLength(1);
    expect(card.points[0]!.meter).toMatchObject({ serial: `S${point}`, model: 'GAMA 100', digits: 6 });
    expect(card.points[0]!.readings.map((r) => [r.takenOn, r.kind])).toEqual([
      ['2026-06-02', 'self'],
      ['2026-05-14', 'control'],
    ]);
    expect(card.points[0]!.bills).toEqual([{ period: '2026-05', amountKop: 82080, paidKop: 0, deliveredOn: '2026-06-05' }]);
    expect(card.payments).toEqual([{ paidOn: '2026-04-20', amountKop: 50000, source: 'Ощадбанк' }]);
    expect(t.refusal('accounts.card', { accountId: 9999 }).code).toBe('notFound.account');
  });
});

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
    const t = testDistrict({}, { today: '2026-11-22' });
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
    // The payment is not in the bills yet: it pays 500,00 of May's 820,80.
    expect(card.points[0]!.bills).toEqual([
      { period: '2026-05', amountKop: 82080, paidKop: 0, deliveredOn: '2026-06-05', dueOn: '2026-06-05', unpaidKop: 32080 },
    ]);
    expect(card.payments).toEqual([{ paidOn: '2026-04-20', amountKop: 50000, source: 'Ощадбанк', appliedKop: 0 }]);
    expect(card.ledger).toEqual({ asOf: '2026-11-22', debtKop: 32080, notDueKop: 0, creditKop: 0 });
    expect(card.account.debtKop).toBe(32080);
    expect(card.points[0]!.debtKop).toBe(32080);
    expect(t.refusal('accounts.card', { accountId: 9999 }).code).toBe('notFound.account');
  });

  it("lists each point's disconnection warnings, newest first, with what each step recorded", () => {
    const t = testDistrict({}, { today: '2026-11-22' });
    const [point, other] = [t.points.sh2[0]!, t.points.sa1[0]!];
    const warning = (pointId: number, values: Record<string, unknown>) =>
      Number(
        t.db
          .prepare(
            `INSERT INTO disconnection_warnings (point_id, kind, status, as_of, debt_kop, debt_periods, refused_visits, issued_how,
               issued_on, received_on, earliest_cutoff_on, cancel_reason, cancel_note, closed_on)
             VALUES (@pointId, @kind, @status, @asOf, @debtKop, @debtPeriods, @refusedVisits, @issuedHow, @issuedOn, @receivedOn,
               @earliestCutoffOn, @cancelReason, @cancelNote, @closedOn)`,
          )
          .run({
            pointId,
            kind: 'non_payment',
            debtKop: 60000,
            debtPeriods: '[]',
            refusedVisits: null,
            issuedHow: null,
            issuedOn: null,
            receivedOn: null,
            earliestCutoffOn: null,
            cancelReason: null,
            cancelNote: '',
            closedOn: null,
            ...values,
          }).lastInsertRowid,
      );
    const cancelled = warning(point, { status: 'cancelled', asOf: '2026-09-01', cancelReason: 'paid', closedOn: '2026-09-10' });
    const issued = warning(point, {
      status: 'issued',
      asOf: '2026-11-02',
      issuedHow: 'mail',
      issuedOn: '2026-11-03',
      receivedOn: '2026-11-06',
      earliestCutoffOn: '2026-11-20',
    });
    const refused = warning(point, { kind: 'non_admittance', status: 'formed', asOf: '2026-11-20', debtKop: null, refusedVisits: '[]' });
    warning(other, { status: 'formed', asOf: '2026-11-21' });
    const card = t.call('accounts.card', { accountId: t.accountOf(point) });
    expect(card.points[0]!.warnings).toEqual([
      {
        id: refused,
        kind: 'non_admittance',
        status: 'formed',
        asOf: '2026-11-20',
        debtKop: null,
        issuedHow: null,
        issuedOn: null,
        receivedOn: null,
        earliestCutoffOn: null,
        cancelReason: null,
        cancelNote: '',
        closedOn: null,
      },
      expect.objectContaining({
        id: issued,
        status: 'issued',
        debtKop: 60000,
        issuedHow: 'mail',
        issuedOn: '2026-11-03',
        receivedOn: '2026-11-06',
        earliestCutoffOn: '2026-11-20',
      }),
      expect.objectContaining({ id: cancelled, status: 'cancelled', cancelReason: 'paid', closedOn: '2026-09-10' }),
    ]);
    // Another account's warning is on its own card only.
    expect(t.call('accounts.card', { accountId: t.accountOf(other) }).points[0]!.warnings).toHaveLength(1);
  });

  it("lists accounts with today's debt from bills and payments, not a stored balance", () => {
    const t = testDistrict({}, { today: '2026-11-22' });
    const [owes, delivered, stored] = [t.points.sh2[0]!, t.points.sh10a[0]!, t.points.sa1[0]!];
    const bill = (point: number, deliveredOn: string) =>
      t.db
        .prepare("INSERT INTO bills (point_id, period, amount_kop, delivered_on, paid_kop) VALUES (?, '2026-10', 45000, ?, 5000)")
        .run(point, deliveredOn);
    bill(owes, '2026-11-22');
    bill(delivered, '2026-11-23');
    t.db.prepare('UPDATE accounts SET balance_kop = -100000 WHERE id = (SELECT account_id FROM metering_points WHERE id = ?)').run(stored);
    const rows = t.call('accounts.search', { query: '' }).rows;
    const debtOf = (point: number) =>
      rows.find(
        (row) => row.id === t.db.prepare<[number], { a: number }>('SELECT account_id AS a FROM metering_points WHERE id = ?').get(point)!.a,
      )!.debtKop;
    expect([debtOf(owes), debtOf(delivered), debtOf(stored)]).toEqual([40000, 0, 0]);
  });
});

describe('complaint and inspection marks', () => {
  const audit = (t: ReturnType<typeof testDistrict>) =>
    t.db
      .prepare<[], { channel: string; entity: string; entityId: number; oldValue: string; newValue: string; login: string }>(
        "SELECT channel, entity, entity_id AS entityId, old_value AS oldValue, new_value AS newValue, login FROM audit_log WHERE channel = 'points.setMark' ORDER BY id",
      )
      .all()
      .map((row) => ({ ...row, oldValue: JSON.parse(row.oldValue) as unknown, newValue: JSON.parse(row.newValue) as unknown }));

  it('are set with a date and a note and cleared on the card, each change in the audit log', () => {
    const t = testDistrict({}, { today: '2026-11-22' });
    const pointId = t.points.sh2[0]!;
    const unmarked = { id: pointId, complaintSince: null, complaintNote: '', inspectionSince: null, inspectionNote: '' };
    expect(t.call('points.setMark', { pointId, mark: 'complaint', since: '2026-11-20', note: 'Скарга на показник' })).toEqual({
      ...unmarked,
      complaintSince: '2026-11-20',
      complaintNote: 'Скарга на показник',
    });
    t.call('points.setMark', { pointId, mark: 'inspection', since: '2026-11-22', note: 'Уточнити опалювану площу' });
    const card = t.call('accounts.card', {
      accountId: t.db.prepare<[number], { a: number }>('SELECT account_id AS a FROM metering_points WHERE id = ?').get(pointId)!.a,
    });
    expect(card.points[0]).toMatchObject({
      complaintSince: '2026-11-20',
      complaintNote: 'Скарга на показник',
      inspectionSince: '2026-11-22',
      inspectionNote: 'Уточнити опалювану площу',
    });
    expect(t.call('points.setMark', { pointId, mark: 'complaint', since: null, note: 'ignored' })).toMatchObject({
      complaintSince: null,
      complaintNote: '',
      inspectionSince: '2026-11-22',
    });
    const entries = audit(t);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ entity: 'point.marks', entityId: pointId, login: 'admin', oldValue: unmarked });
    expect(entries[2]).toMatchObject({
      oldValue: { complaintSince: '2026-11-20', complaintNote: 'Скарга на показник' },
      newValue: { complaintSince: null, complaintNote: '' },
    });
  });

  it('refuse a day to come and a point that does not exist, writing nothing', () => {
    const t = testDistrict({}, { today: '2026-11-22' });
    const pointId = t.points.sh2[0]!;
    expect(t.refusal('points.setMark', { pointId, mark: 'complaint', since: '2026-11-23', note: '' })).toMatchObject({
      code: 'mark.dateInFuture',
      field: 'since',
      message: 'Дата позначки 23.11.2026 ще не настала.',
    });
    expect(t.refusal('points.setMark', { pointId: 9999, mark: 'inspection', since: '2026-11-01', note: '' }).code).toBe('notFound.point');
    expect(t.db.prepare('SELECT count(*) AS n FROM metering_points WHERE complaint_since IS NOT NULL').get()).toEqual({ n: 0 });
    expect(audit(t)).toEqual([]);
  });

  it('are the walk-task criteria "Є звернення" and "на обстеження" once set', () => {
    const t = testDistrict({}, { today: '2026-11-22' });
    const route = t.call('routes.save', { number: 3, name: 'Шевченка', sectionId: null, executorId: null });
    t.call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds: [...t.points.sh10, t.points.sh2[0]!] } });
    t.call('points.setMark', { pointId: t.points.sh10[1]!, mark: 'complaint', since: '2026-11-01', note: '' });
    const formed = t.call('tasks.form', { routeId: route.id, taskDate: '2026-11-22', criteria: { complaint: true } });
    expect(formed.positions).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { createCore } from '../app';
import { shiftDays } from './warning-rules';

const today = '2026-11-27';

/**
 * The test district with a route over every point and a non-payment warning formed, with a walk
 * task as an operator forms it, for each point given (an old unpaid bill qualifies it).
 */
function district(asOf = '2026-11-20', debtors = 2) {
  const d = testDistrict({}, { today });
  const route = d.call('routes.save', { number: 7, name: 'Усе', sectionId: d.section, executorId: d.controller });
  for (const settlementId of [d.settlements.town, d.settlements.village]) {
    d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId } });
  }
  const points = [d.points.sh2[0]!, d.points.sa1[0]!, d.points.po5[0]!].slice(0, debtors);
  for (const point of points) d.bill(point, '2026-06', 80000, shiftDays(asOf, -60));
  d.call('tasks.form', { routeId: route.id, taskDate: asOf, criteria: {}, warnNonPayment: true });
  const warningOf = (pointId: number) =>
    d.db.prepare<[number], { id: number }>('SELECT id FROM disconnection_warnings WHERE point_id = ?').get(pointId)!.id;
  const ids = points.map(warningOf);
  const stored = (id: number) =>
    d.db
      .prepare<
        [number],
        {
          status: string;
          issuedHow: string | null;
          issuedOn: string | null;
          receivedOn: string | null;
          earliestCutoffOn: string | null;
          cancelReason: string | null;
          cancelNote: string;
          closedOn: string | null;
        }
      >(
        `SELECT status, issued_how AS issuedHow, issued_on AS issuedOn, received_on AS receivedOn,
           earliest_cutoff_on AS earliestCutoffOn, cancel_reason AS cancelReason, cancel_note AS cancelNote, closed_on AS closedOn
         FROM disconnection_warnings WHERE id = ?`,
      )
      .get(id)!;
  const setCommodity = (pointId: number, commodity: 'gas' | 'electricity') =>
    d.db.prepare('UPDATE metering_points SET commodity = ? WHERE id = ?').run(commodity, pointId);
  const audit = (channel: string) =>
    d.db
      .prepare<[string], { login: string; entity: string; action: string; oldValue: string; newValue: string }>(
        'SELECT login, entity, action, old_value AS oldValue, new_value AS newValue FROM audit_log WHERE channel = ? ORDER BY id',
      )
      .all(channel)
      .map((row) => ({ ...row, oldValue: JSON.parse(row.oldValue) as unknown, newValue: JSON.parse(row.newValue) as unknown }));
  return { ...d, route, points, ids, stored, setCommodity, audit };
}

describe('issuing a warning', () => {
  it('in hand on a Friday for electricity: received the same day, cut-off 10 working days on, past two weekends', () => {
    const d = district();
    const answer = d.call('warnings.issue', { ids: [d.ids[0]!], how: 'in_hand', issuedOn: '2026-11-20' });
    expect(answer.changed).toBe(1);
    expect(d.stored(d.ids[0]!)).toMatchObject({
      status: 'issued',
      issuedHow: 'in_hand',
      issuedOn: '2026-11-20',
      receivedOn: '2026-11-20',
      earliestCutoffOn: '2026-12-04',
    });
    expect(answer.warnings[0]).toMatchObject({ id: d.ids[0], status: 'issued', earliestCutoffOn: '2026-12-04' });
    // The other warning was not asked for.
    expect(d.stored(d.ids[1]!).status).toBe('formed');
  });

  it('in hand for gas: 3 calendar days, a weekend counting like any day', () => {
    const d = district();
    d.setCommodity(d.points[0]!, 'gas');
    d.call('warnings.issue', { ids: [d.ids[0]!], how: 'in_hand', issuedOn: '2026-11-20' });
    expect(d.stored(d.ids[0]!)).toMatchObject({ receivedOn: '2026-11-20', earliestCutoffOn: '2026-11-23' });
  });

  it('by registered mail: received 3 days after posting, the cut-off counted from the received date', () => {
    const d = district();
    d.setCommodity(d.points[1]!, 'gas');
    d.call('warnings.issue', { ids: d.ids, how: 'mail', issuedOn: '2026-11-20' });
    // Posted on Friday, received on Monday the 23rd; electricity: 10 working days after that.
    expect(d.stored(d.ids[0]!)).toMatchObject({
      issuedHow: 'mail',
      issuedOn: '2026-11-20',
      receivedOn: '2026-11-23',
      earliestCutoffOn: '2026-12-07',
    });
    expect(d.stored(d.ids[1]!)).toMatchObject({ issuedHow: 'mail', receivedOn: '2026-11-23', earliestCutoffOn: '2026-11-26' });
  });

  it('takes the mail days from the setting', () => {
    const d = district();
    d.call('settings.save', { key: 'warnings.mailReceivedDays', value: '5' });
    d.call('warnings.issue', { ids: [d.ids[0]!], how: 'mail', issuedOn: '2026-11-20' });
    expect(d.stored(d.ids[0]!)).toMatchObject({ receivedOn: '2026-11-25', earliestCutoffOn: '2026-12-09' });
  });

  it('skips Independence Day (Monday 24 August 2026) while holidays are days off, counts it under martial law', () => {
    const d = district('2026-08-14');
    d.call('warnings.issue', { ids: [d.ids[0]!], how: 'in_hand', issuedOn: '2026-08-21' });
    expect(d.stored(d.ids[0]!).earliestCutoffOn).toBe('2026-09-07');
    d.call('settings.save', { key: 'calendar.holidaysOff', value: '0' });
    d.call('warnings.issue', { ids: [d.ids[1]!], how: 'in_hand', issuedOn: '2026-08-21' });
    expect(d.stored(d.ids[1]!).earliestCutoffOn).toBe('2026-09-04');
  });

  it('refuses an issued or cancelled warning, and leaves the whole batch as it was', () => {
    const d = district('2026-11-20', 3);
    d.call('warnings.issue', { ids: [d.ids[1]!], how: 'in_hand', issuedOn: '2026-11-20' });
    d.call('warnings.cancel', { ids: [d.ids[2]!], reason: 'court', note: '' });
    const auditBefore = d.audit('warnings.issue').length;
    for (const other of [d.ids[1]!, d.ids[2]!]) {
      const refusal = d.refusal('warnings.issue', { ids: [d.ids[0]!, other], how: 'mail', issuedOn: '2026-11-25' });
      expect(refusal.code).toBe('warning.notFormed');
      expect(refusal.message).toContain('Жодного попередження не видано');
      expect(refusal.message).toContain('о/р 10');
    }
    expect(d.stored(d.ids[0]!)).toMatchObject({ status: 'formed', issuedOn: null, receivedOn: null, earliestCutoffOn: null });
    expect(d.stored(d.ids[1]!)).toMatchObject({ status: 'issued', issuedOn: '2026-11-20', issuedHow: 'in_hand' });
    expect(d.stored(d.ids[2]!).status).toBe('cancelled');
    expect(d.audit('warnings.issue')).toHaveLength(auditBefore);
  });

  it('refuses a date to come, and one before the warning was formed', () => {
    const d = district();
    expect(d.refusal('warnings.issue', { ids: d.ids, how: 'in_hand', issuedOn: '2026-11-28' })).toMatchObject({
      code: 'warning.issueInFuture',
      field: 'issuedOn',
    });
    expect(d.refusal('warnings.issue', { ids: d.ids, how: 'in_hand', issuedOn: '2026-11-19' }).code).toBe('warning.issuedBeforeFormed');
    // Today itself is allowed.
    d.call('warnings.issue', { ids: d.ids, how: 'in_hand', issuedOn: today });
    expect(d.stored(d.ids[1]!).status).toBe('issued');
  });

  it('refuses a warning that is not there, changing none', () => {
    const d = district();
    expect(d.refusal('warnings.issue', { ids: [d.ids[0]!, 9999], how: 'in_hand', issuedOn: today }).code).toBe('notFound.warning');
    expect(d.stored(d.ids[0]!).status).toBe('formed');
  });

  it("is a master's: an operator may list warnings, not issue or cancel them", () => {
    const d = district();
    const operator = createCore(d.db, {
      version: 'test',
      signedIn: { login: 'oper', fullName: 'Оператор', role: 'operator' },
      today: () => today,
    });
    const answer = (channel: 'warnings.list' | 'warnings.issue' | 'warnings.cancel', input: unknown) =>
      operator.dispatch(channel, input, 'uk');
    expect(answer('warnings.list', {}).ok).toBe(true);
    expect(answer('warnings.issue', { ids: d.ids, how: 'in_hand', issuedOn: today })).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    expect(answer('warnings.cancel', { ids: d.ids, reason: 'court' })).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    expect(d.stored(d.ids[0]!).status).toBe('formed');
  });

  it('is audited once per batch with each warning before and after', () => {
    const d = district();
    d.call('warnings.issue', { ids: d.ids, how: 'mail', issuedOn: '2026-11-20' });
    const [entry, ...more] = d.audit('warnings.issue');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ login: 'admin', entity: 'warning', action: 'change' });
    expect((entry!.oldValue as { id: number; status: string }[]).map((w) => [w.id, w.status])).toEqual(d.ids.map((id) => [id, 'formed']));
    expect(entry!.newValue).toMatchObject({
      changed: 2,
      warnings: d.ids.map((id) => ({ id, status: 'issued', issuedHow: 'mail', receivedOn: '2026-11-23' })),
    });
  });
});

describe('cancelling a warning', () => {
  it.each(['restructured', 'court', 'moratorium'] as const)('for %s: formed or issued, closed today', (reason) => {
    const d = district();
    d.call('warnings.issue', { ids: [d.ids[1]!], how: 'in_hand', issuedOn: '2026-11-20' });
    const answer = d.call('warnings.cancel', { ids: d.ids, reason });
    expect(answer.changed).toBe(2);
    for (const id of d.ids) {
      expect(d.stored(id)).toMatchObject({ status: 'cancelled', cancelReason: reason, cancelNote: '', closedOn: today });
    }
    // The dates stay: the notice was handed out, and the register says when.
    expect(d.stored(d.ids[1]!)).toMatchObject({ issuedOn: '2026-11-20', earliestCutoffOn: '2026-12-04' });
  });

  it("for the operator's reason only with a note saying what it is", () => {
    const d = district();
    expect(d.refusal('warnings.cancel', { ids: d.ids, reason: 'operator', note: '  ' })).toMatchObject({
      code: 'warning.noteRequired',
      field: 'note',
    });
    expect(d.stored(d.ids[0]!).status).toBe('formed');
    d.call('warnings.cancel', { ids: d.ids, reason: 'operator', note: 'помилка в адресі' });
    expect(d.stored(d.ids[0]!)).toMatchObject({ status: 'cancelled', cancelReason: 'operator', cancelNote: 'помилка в адресі' });
  });

  it("refuses 'paid', which only a payments import gives", () => {
    const d = district();
    expect(d.refusal('warnings.cancel', { ids: d.ids, reason: 'paid' }).code).toBe('request.invalid');
  });

  it('refuses a cancelled or executed warning and leaves the batch as it was', () => {
    const d = district('2026-11-20', 3);
    d.call('warnings.cancel', { ids: [d.ids[1]!], reason: 'court' });
    d.db.prepare("UPDATE disconnection_warnings SET status = 'executed' WHERE id = ?").run(d.ids[2]!);
    for (const other of [d.ids[1]!, d.ids[2]!]) {
      expect(d.refusal('warnings.cancel', { ids: [d.ids[0]!, other], reason: 'moratorium' }).code).toBe('warning.closed');
    }
    expect(d.stored(d.ids[0]!).status).toBe('formed');
    expect(d.stored(d.ids[1]!)).toMatchObject({ status: 'cancelled', cancelReason: 'court' });
    expect(d.audit('warnings.cancel')).toHaveLength(1);
  });

  it('lets a new warning be formed for the point once its warning is cancelled', () => {
    const d = district();
    d.call('warnings.cancel', { ids: [d.ids[0]!], reason: 'restructured' });
    d.call('tasks.form', { routeId: d.route.id, taskDate: today, criteria: {}, warnNonPayment: true, allowDuplicate: true });
    const count = d.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM disconnection_warnings WHERE point_id = ?');
    expect(count.get(d.points[0]!)!.n).toBe(2);
    expect(count.get(d.points[1]!)!.n).toBe(1);
  });
});

describe('the warnings register', () => {
  it('lists by status, kind and period, with the address and the dates', () => {
    const d = district();
    d.call('warnings.issue', { ids: [d.ids[0]!], how: 'in_hand', issuedOn: '2026-11-20' });
    const all = d.call('warnings.list', {});
    expect(all.total).toBe(2);
    // Садова before Шевченка: the Ukrainian alphabet, not the order they were formed in.
    expect(all.rows.map((row) => row.address)).toEqual(['м. Коростишів, вул. Садова, 1', 'м. Коростишів, вул. Шевченка, 2']);
    expect(all.rows[1]).toMatchObject({
      id: d.ids[0],
      kind: 'non_payment',
      status: 'issued',
      asOf: '2026-11-20',
      debtKop: 80000,
      fullName: 'Бойко Ганна Петрівна',
      receivedOn: '2026-11-20',
      earliestCutoffOn: '2026-12-04',
    });
    expect(d.call('warnings.list', { status: 'formed' }).rows.map((row) => row.id)).toEqual([d.ids[1]]);
    expect(d.call('warnings.list', { kind: 'non_admittance' }).total).toBe(0);
    expect(d.call('warnings.list', { dateFrom: '2026-11-21' }).total).toBe(0);
    expect(d.call('warnings.list', { dateFrom: '2026-11-20', dateTo: '2026-11-20', routeId: d.route.id }).total).toBe(2);
    expect(d.call('warnings.list', { limit: 1, offset: 1 }).rows.map((row) => row.id)).toEqual([d.ids[0]]);
  });
});

import { describe, expect, it } from 'vitest';
import { accountImportFields } from '../../../shared/contract/exchange';
import { accountsFileHeader } from '../../../tests/support/billing-files';
import type { WalkChange } from '../../../shared/contract/routes';
import { addressNumberKey, houseSortKey } from '../addresses/house-number';
import { ukSortKey } from '../collation/uk-sort-key';
import { testDistrict } from '../../../tests/support/test-district';

/**
 * The test district in address order: с. Вільшанка, Польова 5; м. Коростишів, Садова 1, then
 * Шевченка 2, 10 кв. 1, 10 кв. 2, 10 кв. 10, 10а.
 */
function walking() {
  const t = testDistrict();
  const { po5, sa1, sh2, sh10, sh10a } = t.points;
  const [apt1, apt2, apt10] = sh10 as [number, number, number];
  const named = { po5: po5[0]!, sa1: sa1[0]!, sh2: sh2[0]!, apt1, apt2, apt10, sh10a: sh10a[0]! };
  const route = t.call('routes.save', { number: 5, name: 'Усе', sectionId: null, executorId: null });
  const names = new Map(Object.entries(named).map(([name, id]) => [id, name]));
  const assign = (...pointIds: number[]) =>
    t.call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds }, confirmMove: true });
  /** The route's walk by the points' names, checked to be numbered 1..n on the way. */
  const walk = (routeId = route.id) => {
    const rows = t.call('routes.sequence', { routeId });
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    return rows.map((row) => names.get(row.pointId) ?? row.pointId);
  };
  const change = (change: WalkChange) => t.call('routes.resequence', { routeId: route.id, change });
  const stored = (pointId: number) =>
    t.db
      .prepare<[number], { routeId: number | null; seq: number | null }>(
        'SELECT route_id AS routeId, walk_seq AS seq FROM metering_points WHERE id = ?',
      )
      .get(pointId)!;
  return { t, route, named, assign, walk, change, stored };
}

const addressOrder = ['po5', 'sa1', 'sh2', 'apt1', 'apt2', 'apt10', 'sh10a'];

describe('the walk sequence of a route', () => {
  it('lays a new route out in address order: settlement, street, house, apartment as numbers are read', () => {
    const { t, route, walk, stored, named } = walking();
    t.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId: t.settlements.town } });
    t.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId: t.settlements.village } });
    expect(walk()).toEqual(addressOrder);
    expect(stored(named.apt10)).toEqual({ routeId: route.id, seq: 6 });
    const rows = t.call('routes.sequence', { routeId: route.id });
    expect(rows[5]).toMatchObject({
      street: 'вул. Шевченка',
      house: '10',
      apartment: '10',
      address: 'м. Коростишів, вул. Шевченка, 10, кв. 10',
    });
  });

  it('moves a block up and down, and stops it at the first and the last place', () => {
    const { assign, walk, change, named } = walking();
    assign(...Object.values(named));
    // The building Шевченка 10 down one: past 10а.
    expect(change({ kind: 'move', pointIds: [named.apt1, named.apt2, named.apt10], by: 1 }).changed).toBe(4);
    expect(walk()).toEqual(['po5', 'sa1', 'sh2', 'sh10a', 'apt1', 'apt2', 'apt10']);
    // Down again from the last places: nothing to do, nothing changed.
    expect(change({ kind: 'move', pointIds: [named.apt10, named.apt1, named.apt2], by: 1 })).toEqual({ changed: 0, places: {} });
    // Up past the first place: it stops there.
    expect(change({ kind: 'move', pointIds: [named.apt1, named.apt2, named.apt10], by: -100 }).changed).toBe(7);
    expect(walk()).toEqual(['apt1', 'apt2', 'apt10', 'po5', 'sa1', 'sh2', 'sh10a']);
    expect(change({ kind: 'move', pointIds: [named.apt1], by: -1 }).changed).toBe(0);
    // To a place: the block's first point there; past the end it goes last.
    change({ kind: 'moveTo', pointIds: [named.po5], position: 2 });
    expect(walk()).toEqual(['apt1', 'po5', 'apt2', 'apt10', 'sa1', 'sh2', 'sh10a']);
    change({ kind: 'moveTo', pointIds: [named.apt1], position: 999 });
    expect(walk()).toEqual(['po5', 'apt2', 'apt10', 'sa1', 'sh2', 'sh10a', 'apt1']);
    change({ kind: 'moveTo', pointIds: [named.sh10a], position: 1 });
    expect(walk()).toEqual(['sh10a', 'po5', 'apt2', 'apt10', 'sa1', 'sh2', 'apt1']);
  });

  it('closes a scattered selection up behind its first point, in walk order, then moves it', () => {
    const { assign, walk, change, named } = walking();
    assign(...Object.values(named));
    // sa1 and apt1 ticked (in any order): apt1 joins sa1, and the two go one place down.
    const { places } = change({ kind: 'move', pointIds: [named.apt1, named.sa1], by: 1 });
    expect(walk()).toEqual(['po5', 'sh2', 'sa1', 'apt1', 'apt2', 'apt10', 'sh10a']);
    // apt1 was fourth and is fourth still: not touched.
    expect(places).toEqual({ [named.sh2]: 2, [named.sa1]: 3 });
  });

  it('reverses one street in the places its points hold, the other streets keeping theirs', () => {
    const { assign, walk, change, named, t } = walking();
    assign(...Object.values(named));
    // Садова walked in the middle of Шевченка, between its two buildings' apartments.
    change({ kind: 'moveTo', pointIds: [named.sa1], position: 4 });
    expect(walk()).toEqual(['po5', 'sh2', 'apt1', 'sa1', 'apt2', 'apt10', 'sh10a']);
    const { changed } = change({ kind: 'reverseStreet', streetId: t.streets.shevchenka });
    expect(walk()).toEqual(['po5', 'sh10a', 'apt10', 'sa1', 'apt2', 'apt1', 'sh2']);
    expect(changed).toBe(4);
    // Twice is the way it was.
    change({ kind: 'reverseStreet', streetId: t.streets.shevchenka });
    expect(walk()).toEqual(['po5', 'sh2', 'apt1', 'sa1', 'apt2', 'apt10', 'sh10a']);
    // A street of one point: nothing to reverse.
    expect(change({ kind: 'reverseStreet', streetId: t.streets.sadova }).changed).toBe(0);
  });

  it('renumbers 1..n in the current order, closing gaps and placing a point left without a place', () => {
    const { assign, walk, change, named, t, stored } = walking();
    assign(...Object.values(named));
    change({ kind: 'moveTo', pointIds: [named.sh10a], position: 1 });
    // Places written past the core: gaps, and one point on the route without a place.
    t.db.exec('UPDATE metering_points SET walk_seq = walk_seq * 10 WHERE walk_seq IS NOT NULL');
    t.db.prepare('UPDATE metering_points SET walk_seq = NULL WHERE id = ?').run(named.apt2);
    const { changed, places } = change({ kind: 'renumber' });
    expect(walk()).toEqual(['sh10a', 'po5', 'sa1', 'sh2', 'apt1', 'apt2', 'apt10']);
    expect(changed).toBe(7);
    expect(places[named.apt2]).toBe(6);
    expect(stored(named.apt2).seq).toBe(6);
    // Numbered already: renumbering changes nothing.
    expect(change({ kind: 'renumber' }).changed).toBe(0);
  });

  it('goes back to address order on request', () => {
    const { assign, walk, change, named, t } = walking();
    assign(...Object.values(named));
    change({ kind: 'reverseStreet', streetId: t.streets.shevchenka });
    change({ kind: 'moveTo', pointIds: [named.po5], position: 7 });
    expect(walk()).not.toEqual(addressOrder);
    change({ kind: 'addressOrder' });
    expect(walk()).toEqual(addressOrder);
  });

  it('puts a point joining the route among its building’s neighbours, wherever the master has put the building', () => {
    const { assign, walk, change, named } = walking();
    assign(named.po5, named.sa1, named.sh2, named.apt1, named.apt10, named.sh10a);
    // Шевченка 10 walked first.
    change({ kind: 'move', pointIds: [named.apt1, named.apt10], by: -10 });
    expect(walk()).toEqual(['apt1', 'apt10', 'po5', 'sa1', 'sh2', 'sh10a']);
    assign(named.apt2);
    expect(walk()).toEqual(['apt1', 'apt2', 'apt10', 'po5', 'sa1', 'sh2', 'sh10a']);
  });

  it('puts a building new to the route beside its street neighbours, a street walked backwards included', () => {
    const { assign, walk, change, named, t } = walking();
    assign(named.po5, named.sa1, named.sh2, named.sh10a);
    change({ kind: 'reverseStreet', streetId: t.streets.shevchenka });
    expect(walk()).toEqual(['po5', 'sa1', 'sh10a', 'sh2']);
    // Шевченка 10 lies between 2 and 10а, walked the other way here: the building goes between them, in its own order.
    assign(named.apt1, named.apt2, named.apt10);
    expect(walk()).toEqual(['po5', 'sa1', 'sh10a', 'apt1', 'apt2', 'apt10', 'sh2']);
  });

  it('puts a new street beside its neighbours in address order, and a route’s first points in address order', () => {
    const { assign, walk, t, named } = walking();
    assign(named.po5, named.sh2);
    const street = Number(
      t.db
        .prepare("INSERT INTO streets (settlement_id, name, name_key, kind) VALUES (?, 'Руська', ?, 'вул.')")
        .run(t.settlements.town, ukSortKey('Руська')).lastInsertRowid,
    );
    const house = Number(
      t.db.prepare("INSERT INTO houses (street_id, number, sort_key) VALUES (?, '1', ?)").run(street, houseSortKey('1')).lastInsertRowid,
    );
    const account = t.accountOf(named.sh2);
    const ruska = Number(
      t.db
        .prepare("INSERT INTO metering_points (account_id, house_id, apartment, apartment_key, commodity) VALUES (?, ?, '', ?, 'gas')")
        .run(account, house, addressNumberKey('')).lastInsertRowid,
    );
    // Руська comes after Польова's village and before Шевченка in address order.
    assign(ruska);
    expect(walk()).toEqual(['po5', ruska, 'sh2']);
  });

  it('moves a point whose address the billing file changes to the place its new address gives', () => {
    const { t, assign, walk, change, named } = walking();
    assign(...Object.values(named));
    change({ kind: 'moveTo', pointIds: [named.sh10a], position: 1 });
    // Садова 1 (о/р 105) is Шевченка 10, кв. 5 in the billing system now: between кв. 2 and кв. 10.
    const row = ['105', 'Бойко Ганна Петрівна', '', 'Коростишів', 'місто', 'Шевченка', 'вул.', '10', '5', 'електроенергія'];
    const mapping = Object.fromEntries(accountImportFields.map((field, index) => [field, index]));
    t.importFile('accounts', {
      header: accountsFileHeader,
      rows: [[...row, ...accountsFileHeader.slice(row.length).map(() => '')]],
      mapping,
    });
    expect(walk()).toEqual(['sh10a', 'po5', 'sh2', 'apt1', 'apt2', 'sa1', 'apt10']);
  });

  it('clears the place of a point taken off, and closes up the route it left', () => {
    const { t, assign, walk, route, named, stored } = walking();
    assign(...Object.values(named));
    t.call('routes.removePoints', { routeId: route.id, pointIds: [named.sa1, named.apt2] });
    expect(stored(named.sa1)).toEqual({ routeId: null, seq: null });
    expect(walk()).toEqual(['po5', 'sh2', 'apt1', 'apt10', 'sh10a']);
    // Moved to another route: off this walk, onto that one's.
    const other = t.call('routes.save', { number: 6, name: 'Інший', sectionId: null, executorId: null });
    t.call('routes.assign', { routeId: other.id, selector: { kind: 'points', pointIds: [named.sh2, named.apt2] }, confirmMove: true });
    expect(walk()).toEqual(['po5', 'apt1', 'apt10', 'sh10a']);
    expect(walk(other.id)).toEqual(['sh2', 'apt2']);
    // Nothing else may hold a place without a route.
    expect(() => t.db.prepare('UPDATE metering_points SET route_id = NULL WHERE id = ?').run(named.po5)).toThrow(/CHECK constraint failed/);
  });

  it('refuses a point off the route, a street it does not walk, and a route that is not there', () => {
    const { t, assign, route, named, walk } = walking();
    assign(named.sa1, named.sh2);
    expect(
      t.refusal('routes.resequence', { routeId: route.id, change: { kind: 'move', pointIds: [named.sh2, named.po5], by: 1 } }),
    ).toMatchObject({
      code: 'route.pointNotOnRoute',
      message: 'Точка обліку о/р 106 не на маршруті № 5 — порядок обходу не змінено.',
    });
    expect(t.refusal('routes.resequence', { routeId: route.id, change: { kind: 'moveTo', pointIds: [99_999], position: 1 } }).code).toBe(
      'notFound.point',
    );
    expect(
      t.refusal('routes.resequence', { routeId: route.id, change: { kind: 'reverseStreet', streetId: t.streets.polova } }, 'en'),
    ).toMatchObject({
      code: 'route.streetNotOnRoute',
      message: 'Route No. 5 has no metering points on вул. Польова.',
    });
    expect(t.refusal('routes.resequence', { routeId: route.id, change: { kind: 'reverseStreet', streetId: 99_999 } }).code).toBe(
      'notFound.street',
    );
    expect(t.refusal('routes.resequence', { routeId: 99_999, change: { kind: 'renumber' } }).code).toBe('notFound.route');
    expect(t.refusal('routes.sequence', { routeId: 99_999 }).code).toBe('notFound.route');
    expect(t.refusal('routes.resequence', { routeId: route.id, change: { kind: 'move', pointIds: [], by: 1 } }).code).toBe(
      'request.invalid',
    );
    expect(t.refusal('routes.resequence', { routeId: route.id, change: { kind: 'moveTo', pointIds: [named.sa1], position: 0 } }).code).toBe(
      'request.invalid',
    );
    expect(walk()).toEqual(['sa1', 'sh2']);
  });

  it('keeps in the audit log the places of the points an edit touched, before and after, and no other', () => {
    const { t, assign, route, change, named } = walking();
    assign(...Object.values(named));
    change({ kind: 'move', pointIds: [named.sh2], by: 1 });
    const entry = t.db
      .prepare<[], { entity: string; entityId: number; action: string; oldValue: string; newValue: string }>(
        `SELECT entity, entity_id AS entityId, action, old_value AS oldValue, new_value AS newValue FROM audit_log
         WHERE channel = 'routes.resequence'`,
      )
      .get()!;
    expect(entry).toMatchObject({ entity: 'route.walk', entityId: route.id, action: 'change' });
    const change_ = { kind: 'move', pointIds: [named.sh2], by: 1 };
    expect(JSON.parse(entry.oldValue)).toEqual({ change: change_, places: { [named.sh2]: 3, [named.apt1]: 4 } });
    expect(JSON.parse(entry.newValue)).toEqual({ change: change_, places: { [named.sh2]: 4, [named.apt1]: 3 } });
  });

  it('is the order a walk task follows; account order stays account order', () => {
    const { t, assign, route, change, named } = walking();
    assign(...Object.values(named));
    change({ kind: 'reverseStreet', streetId: t.streets.shevchenka });
    change({ kind: 'moveTo', pointIds: [named.po5], position: 7 });
    const positions = (sortOrder: 'address' | 'account') => {
      const { taskId } = t.call('tasks.form', { routeId: route.id, taskDate: '2026-11-20', criteria: {}, sortOrder, allowDuplicate: true });
      return t.db.prepare<[number], number>('SELECT point_id FROM task_positions WHERE task_id = ? ORDER BY seq').pluck().all(taskId);
    };
    expect(positions('address')).toEqual(t.call('routes.sequence', { routeId: route.id }).map((row) => row.pointId));
    expect(positions('address')).toEqual([named.sa1, named.sh10a, named.apt10, named.apt2, named.apt1, named.sh2, named.po5]);
    expect(positions('account')).toEqual(Object.values(named).sort((a, b) => a - b));
  });
});

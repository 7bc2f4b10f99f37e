import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';

describe('route records', () => {
  it('creates a route that starts empty', () => {
    const t = testDistrict();
    const route = t.call('routes.save', { number: 7, name: 'вул. Шевченка', sectionId: t.section, executorId: t.controller });
    expect(route).toMatchObject({
      number: 7,
      name: 'вул. Шевченка',
      sectionName: 'Центр',
      executorName: 'Мельник Іван Петрович',
      pointCount: 0,
    });
    expect(t.call('routes.list', {}).rows.map((r) => r.number)).toEqual([7]);
  });

  it('keeps route numbers unique, on create and on edit', () => {
    const t = testDistrict();
    t.call('routes.save', { number: 7, name: 'Перший', sectionId: null, executorId: null });
    const second = t.call('routes.save', { number: 8, name: 'Другий', sectionId: null, executorId: null });
    expect(t.refusal('routes.save', { number: 7, name: 'Дубль', sectionId: null, executorId: null })).toMatchObject({
      code: 'route.numberTaken',
      field: 'number',
      message: 'Маршрут № 7 вже існує («Перший»).',
    });
    expect(t.refusal('routes.save', { id: second.id, number: 7, name: 'Другий', sectionId: null, executorId: null }).code).toBe(
      'route.numberTaken',
    );
    // Saving a route under its own number is not a clash.
    expect(t.call('routes.save', { id: second.id, number: 8, name: 'Другий (змінено)', sectionId: null, executorId: null }).name).toBe(
      'Другий (змінено)',
    );
  });

  it('accepts route numbers 1 to 99999 only', () => {
    const t = testDistrict();
    for (const number of [0, -3, 100_000]) {
      expect(t.refusal('routes.save', { number, name: 'X', sectionId: null, executorId: null }).code).toBe('route.numberInvalid');
    }
    expect(t.refusal('routes.save', { number: 1.5, name: 'X', sectionId: null, executorId: null }).code).toBe('request.invalid');
    expect(t.call('routes.save', { number: 99_999, name: 'X', sectionId: null, executorId: null }).number).toBe(99_999);
  });

  it('refuses an unknown section, an unknown executor and one who has left', () => {
    const t = testDistrict();
    expect(t.refusal('routes.save', { number: 1, name: 'X', sectionId: 999, executorId: null })).toMatchObject({
      code: 'notFound.section',
      field: 'sectionId',
    });
    expect(t.refusal('routes.save', { number: 1, name: 'X', sectionId: null, executorId: 999 }).code).toBe('notFound.employee');
    expect(t.refusal('routes.save', { number: 1, name: 'X', sectionId: null, executorId: t.retired }, 'en')).toMatchObject({
      code: 'route.executorNotActive',
      message: 'Employee "Мороз Петро Іванович" no longer works in the branch — choose another executor.',
    });
  });

  it('requires a name', () => {
    const t = testDistrict();
    expect(t.refusal('routes.save', { number: 1, name: '   ', sectionId: null, executorId: null })).toMatchObject({
      code: 'request.invalid',
      field: 'name',
    });
  });

  it('keeps the points when the executor is replaced', () => {
    const t = testDistrict();
    const route = t.call('routes.save', { number: 3, name: 'Шевченка', sectionId: t.section, executorId: t.controller });
    t.call('routes.assign', { routeId: route.id, selector: { kind: 'houses', houseIds: [t.houses.sh10] } });
    const edited = t.call('routes.save', {
      id: route.id,
      number: 3,
      name: 'Шевченка',
      sectionId: t.section,
      executorId: t.otherController,
    });
    expect(edited).toMatchObject({ executorName: 'Ткачук Олена Іванівна', pointCount: 3 });
  });

  it('deletes only an empty route', () => {
    const t = testDistrict();
    const route = t.call('routes.save', { number: 3, name: 'Шевченка', sectionId: null, executorId: null });
    t.call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds: t.points.sh2 } });
    expect(t.refusal('routes.delete', { id: route.id })).toMatchObject({
      code: 'route.notEmpty',
      message: 'Маршрут № 3 має 1 точок обліку. Спочатку зніміть їх з маршруту.',
    });
    expect(t.call('routes.get', { id: route.id }).pointCount).toBe(1);
    t.call('routes.removePoints', { routeId: route.id, pointIds: t.points.sh2 });
    expect(t.call('routes.delete', { id: route.id })).toEqual({ deleted: 1 });
    expect(t.refusal('routes.get', { id: route.id }).code).toBe('notFound.route');
  });

  it('finds routes by number, name or executor', () => {
    const t = testDistrict();
    t.call('routes.save', { number: 12, name: 'Садова', sectionId: null, executorId: t.controller });
    t.call('routes.save', { number: 2, name: 'Шевченка', sectionId: null, executorId: t.otherController });
    expect(t.call('routes.list', { query: '12' }).rows.map((r) => r.number)).toEqual([12]);
    expect(t.call('routes.list', { query: 'шевч' }).rows.map((r) => r.number)).toEqual([2]);
    expect(t.call('routes.list', { query: 'Мельник' }).rows.map((r) => r.number)).toEqual([12]);
    expect(t.call('routes.list', { query: '' }).total).toBe(2);
  });
});

describe('assigning points', () => {
  const twoRoutes = () => {
    const t = testDistrict();
    const a = t.call('routes.save', { number: 1, name: 'Перший', sectionId: null, executorId: null });
    const b = t.call('routes.save', { number: 2, name: 'Другий', sectionId: null, executorId: null });
    return { ...t, a, b };
  };

  it('assigns every point of the ticked houses', () => {
    const t = twoRoutes();
    const result = t.call('routes.assign', { routeId: t.a.id, selector: { kind: 'houses', houseIds: [t.houses.sh2, t.houses.sh10] } });
    expect(result).toEqual({ assigned: 4, moved: 0, alreadyOnRoute: 0 });
    const listed = t.call('routes.points', { routeId: t.a.id });
    expect(listed.total).toBe(4);
    // Address order: house 2, then 10 with apartments 1, 2, 10 numerically.
    expect(listed.rows.map((r) => r.address)).toEqual([
      'м. Коростишів, вул. Шевченка, 2',
      'м. Коростишів, вул. Шевченка, 10, кв. 1',
      'м. Коростишів, вул. Шевченка, 10, кв. 2',
      'м. Коростишів, вул. Шевченка, 10, кв. 10',
    ]);
    expect(listed.rows[0]).toMatchObject({ accountNumber: '100', fullName: 'Бойко Ганна Петрівна', meterSerial: `S${t.points.sh2[0]}` });
  });

  it('counts points already on the route without touching them', () => {
    const t = twoRoutes();
    t.call('routes.assign', { routeId: t.a.id, selector: { kind: 'houses', houseIds: [t.houses.sh2] } });
    expect(t.call('routes.assign', { routeId: t.a.id, selector: { kind: 'houses', houseIds: [t.houses.sh2, t.houses.sh10a] } })).toEqual({
      assigned: 1,
      moved: 0,
      alreadyOnRoute: 1,
    });
  });

  it('moves a point from another route only after confirmation', () => {
    const t = twoRoutes();
    t.call('routes.assign', { routeId: t.a.id, selector: { kind: 'houses', houseIds: [t.houses.sh10] } });
    const preview = t.call('routes.assignPreview', {
      routeId: t.b.id,
      selector: { kind: 'houses', houseIds: [t.houses.sh10, t.houses.sa1] },
    });
    expect(preview).toEqual({
      total: 4,
      alreadyOnRoute: 0,
      free: 1,
      onOtherRoutes: [{ routeId: t.a.id, number: 1, name: 'Перший', count: 3 }],
    });

    const refused = t.refusal('routes.assign', { routeId: t.b.id, selector: { kind: 'houses', houseIds: [t.houses.sh10, t.houses.sa1] } });
    expect(refused).toMatchObject({ code: 'route.moveNeedsConfirmation', details: preview });
    // Nothing half-done: the free point was not taken either.
    expect(t.call('routes.get', { id: t.b.id }).pointCount).toBe(0);
    expect(t.call('routes.get', { id: t.a.id }).pointCount).toBe(3);

    const moved = t.call('routes.assign', {
      routeId: t.b.id,
      selector: { kind: 'houses', houseIds: [t.houses.sh10, t.houses.sa1] },
      confirmMove: true,
    });
    expect(moved).toEqual({ assigned: 1, moved: 3, alreadyOnRoute: 0 });
    expect(t.call('routes.get', { id: t.a.id }).pointCount).toBe(0);
    expect(t.call('routes.get', { id: t.b.id }).pointCount).toBe(4);
  });

  it('assigns a whole settlement', () => {
    const t = twoRoutes();
    expect(
      t.call('routes.assign', { routeId: t.a.id, selector: { kind: 'settlement', settlementId: t.settlements.village } }).assigned,
    ).toBe(1);
    expect(t.call('routes.assign', { routeId: t.b.id, selector: { kind: 'settlement', settlementId: t.settlements.town } }).assigned).toBe(
      6,
    );
  });

  it('says so when the selection holds no points', () => {
    const t = twoRoutes();
    const empty = Number(
      t.db.prepare("INSERT INTO houses (street_id, number, sort_key) VALUES (?, '99', '00099x')").run(t.streets.sadova).lastInsertRowid,
    );
    expect(t.refusal('routes.assign', { routeId: t.a.id, selector: { kind: 'houses', houseIds: [empty] } }).code).toBe(
      'route.nothingSelected',
    );
    expect(t.refusal('routes.assign', { routeId: t.a.id, selector: { kind: 'houses', houseIds: [] } }).code).toBe('request.invalid');
  });

  it('refuses to assign to a route that is gone', () => {
    const t = twoRoutes();
    expect(t.refusal('routes.assign', { routeId: 999, selector: { kind: 'points', pointIds: t.points.sh2 } }).code).toBe('notFound.route');
  });

  it('removes only points that are on the route', () => {
    const t = twoRoutes();
    t.call('routes.assign', { routeId: t.a.id, selector: { kind: 'houses', houseIds: [t.houses.sh10] } });
    t.call('routes.assign', { routeId: t.b.id, selector: { kind: 'houses', houseIds: [t.houses.sh2] } });
    expect(t.call('routes.removePoints', { routeId: t.a.id, pointIds: [...t.points.sh10.slice(0, 2), ...t.points.sh2] })).toEqual({
      removed: 2,
    });
    expect(t.call('routes.get', { id: t.a.id }).pointCount).toBe(1);
    expect(t.call('routes.get', { id: t.b.id }).pointCount).toBe(1);
  });

  it('shows per house how many points are on this route and which other routes hold the rest', () => {
    const t = twoRoutes();
    t.call('routes.assign', { routeId: t.a.id, selector: { kind: 'points', pointIds: [t.points.sh10[0]!] } });
    t.call('routes.assign', { routeId: t.b.id, selector: { kind: 'points', pointIds: [t.points.sh10[1]!] } });
    const houses = t.call('houses.list', { streetId: t.streets.shevchenka, routeId: t.a.id });
    expect(houses.map((h) => h.number)).toEqual(['2', '10', '10а']);
    expect(houses[1]).toMatchObject({ pointCount: 3, onRouteCount: 1, otherRoutes: [2] });
    expect(houses[0]).toMatchObject({ pointCount: 1, onRouteCount: 0, otherRoutes: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';

describe('directories', () => {
  it('adds and renames a section, refusing a duplicate name', () => {
    const t = testDistrict();
    const added = t.call('sections.save', { name: 'Околиці', settlementId: t.settlements.town });
    expect(added).toMatchObject({ name: 'Околиці', settlementName: 'Коростишів', routeCount: 0 });
    expect(t.refusal('sections.save', { name: 'Центр' })).toMatchObject({ code: 'section.nameTaken', field: 'name' });
    expect(t.call('sections.save', { id: added.id, name: 'Околиці міста', settlementId: null }).settlementName).toBeNull();
    expect(t.call('sections.list', {}).map((s) => s.name)).toEqual(['Околиці міста', 'Центр']);
  });

  it('lists only active controllers as executors', () => {
    const t = testDistrict();
    t.call('employees.save', { fullName: 'Гнатів Марія Іванівна', position: 'оператор', isController: false });
    const executors = t.call('employees.list', { onlyActiveControllers: true }).map((e) => e.fullName);
    expect(executors).toEqual(['Мельник Іван Петрович', 'Ткачук Олена Іванівна']);
    expect(t.call('employees.list', {})).toHaveLength(4);
  });

  it('edits an employee', () => {
    const t = testDistrict();
    const edited = t.call('employees.save', {
      id: t.controller,
      fullName: 'Мельник Іван Петрович',
      phone: '+380 67 111 22 33',
      isController: true,
      active: false,
    });
    expect(edited).toMatchObject({ phone: '+380 67 111 22 33', active: false, isController: true });
    expect(t.refusal('employees.save', { id: 999, fullName: 'X', isController: false }).code).toBe('notFound.employee');
  });

  it('keeps streets unique per settlement and kind', () => {
    const t = testDistrict();
    expect(t.refusal('streets.save', { settlementId: t.settlements.town, name: 'Шевченка', kind: 'вул.' })).toMatchObject({
      code: 'street.nameTaken',
      message: 'Вулиця «вул. Шевченка» вже є в цьому населеному пункті.',
    });
    expect(t.call('streets.save', { settlementId: t.settlements.town, name: 'Шевченка', kind: 'пров.' }).kind).toBe('пров.');
    expect(t.call('streets.save', { settlementId: t.settlements.village, name: 'Шевченка', kind: 'вул.' }).houseCount).toBe(0);
  });

  it('normalises house numbers and keeps them in natural order', () => {
    const t = testDistrict();
    t.call('houses.save', { streetId: t.streets.shevchenka, number: '10 / 1' });
    t.call('houses.save', { streetId: t.streets.shevchenka, number: '9' });
    expect(t.refusal('houses.save', { streetId: t.streets.shevchenka, number: '10А' })).toMatchObject({
      code: 'house.numberTaken',
      field: 'number',
    });
    expect(t.refusal('houses.save', { streetId: t.streets.shevchenka, number: 'десять' }).code).toBe('house.numberInvalid');
    expect(t.call('houses.list', { streetId: t.streets.shevchenka }).map((h) => h.number)).toEqual(['2', '9', '10', '10а', '10/1']);
  });

  it('counts streets per settlement', () => {
    const t = testDistrict();
    expect(t.call('settlements.list', {})).toEqual([
      { id: t.settlements.village, name: 'Вільшанка', kind: 'село', streetCount: 1 },
      { id: t.settlements.town, name: 'Коростишів', kind: 'місто', streetCount: 2 },
    ]);
    expect(t.refusal('settlements.save', { name: 'Вільшанка', kind: 'село' }).code).toBe('settlement.nameTaken');
    expect(t.refusal('settlements.save', { name: 'Нове', kind: 'хутір' }).code).toBe('request.invalid');
  });
});

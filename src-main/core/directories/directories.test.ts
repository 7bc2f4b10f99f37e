import { describe, expect, it } from 'vitest';
import { streetKinds } from '../../../shared/contract/directories';
import { testDistrict } from '../../../tests/support/test-district';
import { importUkrainianOrder, ukrainianOrder } from '../../../tests/support/ukrainian-order';

const uk = new Intl.Collator('uk');
/** True when each name is not after the next one in Intl.Collator('uk') order. */
const inIntlOrder = (names: string[]) => names.every((name, i) => i === 0 || uk.compare(names[i - 1]!, name) <= 0);

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

  it('lists settlements, streets and houses in Ukrainian alphabetical order, whatever the character codes say', () => {
    const t = testDistrict();
    importUkrainianOrder(t);
    for (const name of ['Єрки', 'Ґалаґани', 'Їжакевичі', 'Економія', 'Йосипівка', 'Гнідин'])
      t.call('settlements.save', { name, kind: 'село' });
    expect([...ukrainianOrder.settlements].sort(uk.compare), 'Intl agrees').toEqual(ukrainianOrder.settlements);
    const settlements = t.call('settlements.list', {});
    expect(settlements.map((s) => s.name)).toEqual(ukrainianOrder.settlements);

    const settlementId = settlements.find((s) => s.name === ukrainianOrder.settlement)!.id;
    const streets = t.call('streets.list', { settlementId });
    expect(inIntlOrder(streets.map((s) => s.name))).toBe(true);
    // Streets of one name stand together, by type; a longer name after them all.
    expect(streets.map((s) => `${s.kind} ${s.name}`)).toEqual(ukrainianOrder.streets);

    const gogolya = streets.find((s) => s.name === 'Гоголя')!.id;
    expect(t.call('houses.list', { streetId: gogolya }).map((h) => h.number)).toEqual(ukrainianOrder.housesOfGogolya);
  });

  it('orders street types by their codes exactly as by the alphabet, so types of one name need no key', () => {
    expect([...streetKinds].sort()).toEqual([...streetKinds].sort(uk.compare));
  });

  it('keeps a renamed settlement, section or employee in its new place', () => {
    const t = testDistrict();
    const yerky = t.call('settlements.save', { name: 'Єрки', kind: 'село' });
    expect(t.call('settlements.list', {}).map((s) => s.name)).toEqual(['Вільшанка', 'Єрки', 'Коростишів']);
    t.call('settlements.save', { id: yerky.id, name: 'Ґалаґани', kind: 'село' });
    expect(t.call('settlements.list', {}).map((s) => s.name)).toEqual(['Вільшанка', 'Ґалаґани', 'Коростишів']);

    const street = t.call('streets.save', { settlementId: t.settlements.town, name: 'Їжакевича', kind: 'вул.' });
    t.call('streets.save', { id: street.id, settlementId: t.settlements.town, name: 'Ігоря Гонти', kind: 'вул.' });
    expect(t.call('streets.list', { settlementId: t.settlements.town }).map((s) => s.name)).toEqual(['Ігоря Гонти', 'Садова', 'Шевченка']);

    const section = t.call('sections.save', { name: 'Єрківська', settlementId: null });
    t.call('sections.save', { id: section.id, name: 'Ґалаґанівська', settlementId: null });
    expect(t.call('sections.list', {}).map((s) => s.name)).toEqual(['Ґалаґанівська', 'Центр']);

    const employee = t.call('employees.save', { fullName: 'Їжак Марко', isController: true });
    t.call('employees.save', { id: employee.id, fullName: 'Іваненко Марко', isController: true });
    expect(t.call('employees.list', { onlyActiveControllers: true }).map((e) => e.fullName)).toEqual([
      'Іваненко Марко',
      'Мельник Іван Петрович',
      'Ткачук Олена Іванівна',
    ]);
  });

  it('lists sections and employees in Ukrainian alphabetical order, active employees first', () => {
    const t = testDistrict();
    for (const name of ['Їжакевицька', 'Гнідинська', 'Єрківська', 'Ґалаґанівська', 'Економічна']) t.call('sections.save', { name });
    const sections = ['Гнідинська', 'Ґалаґанівська', 'Економічна', 'Єрківська', 'Їжакевицька', 'Центр'];
    expect([...sections].sort(uk.compare), 'Intl agrees').toEqual(sections);
    expect(t.call('sections.list', {}).map((s) => s.name)).toEqual(sections);

    const people = ["Мар'яненко Олег", 'Ґудзь Петро', 'Гнатюк Ольга', 'іваненко тарас', 'Єременко Віра', 'Иванюк Ілля', 'Еллер Ганна'];
    for (const fullName of people) t.call('employees.save', { fullName, isController: true });
    t.call('employees.save', { fullName: 'Їжак Марко', isController: true, active: false });
    const active = [
      'Гнатюк Ольга',
      'Ґудзь Петро',
      'Еллер Ганна',
      'Єременко Віра',
      'Иванюк Ілля',
      'іваненко тарас',
      "Мар'яненко Олег",
      'Мельник Іван Петрович',
      'Ткачук Олена Іванівна',
    ];
    expect([...active].sort(uk.compare), 'Intl agrees').toEqual(active);
    expect(t.call('employees.list', { onlyActiveControllers: true }).map((e) => e.fullName)).toEqual(active);
    // Everyone: the active ones, then those who have left, each group in alphabetical order.
    expect(t.call('employees.list', {}).map((e) => e.fullName)).toEqual([...active, 'Їжак Марко', 'Мороз Петро Іванович']);
  });
});

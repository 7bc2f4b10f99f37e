import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { moratoria, underMoratoriumSql } from './moratoria';

describe('moratoria', () => {
  it('are in force from the first to the last day inclusive, not a day outside', () => {
    const t = testDistrict();
    const { underMoratorium } = moratoria(t.db);
    t.call('moratoria.save', { settlementId: t.settlements.village, fromOn: '2026-12-01', toOn: '2026-12-31', note: 'паводок' });
    expect(underMoratorium(t.settlements.village, '2026-11-30')).toBe(false);
    expect(underMoratorium(t.settlements.village, '2026-12-01')).toBe(true);
    expect(underMoratorium(t.settlements.village, '2026-12-15')).toBe(true);
    expect(underMoratorium(t.settlements.village, '2026-12-31')).toBe(true);
    expect(underMoratorium(t.settlements.village, '2027-01-01')).toBe(false);
    expect(underMoratorium(t.settlements.town, '2026-12-15')).toBe(false);
  });

  it('without a last day last from the first day on', () => {
    const t = testDistrict();
    const { underMoratorium, settlementsUnderMoratorium } = moratoria(t.db);
    t.call('moratoria.save', { settlementId: t.settlements.town, fromOn: '2026-12-01' });
    expect(underMoratorium(t.settlements.town, '2026-11-30')).toBe(false);
    expect(underMoratorium(t.settlements.town, '2026-12-01')).toBe(true);
    expect(underMoratorium(t.settlements.town, '2036-12-01')).toBe(true);
    expect(settlementsUnderMoratorium('2026-11-30')).toEqual(new Set());
    expect(settlementsUnderMoratorium('2027-06-01')).toEqual(new Set([t.settlements.town]));
  });

  it('answer for many points at once inside a rule’s own SQL', () => {
    const t = testDistrict();
    t.call('moratoria.save', { settlementId: t.settlements.village, fromOn: '2026-12-01', toOn: '2026-12-01' });
    const barred = t.db
      .prepare<{ date: string }, { id: number }>(
        `SELECT p.id FROM metering_points p JOIN houses h ON h.id = p.house_id JOIN streets st ON st.id = h.street_id
         WHERE ${underMoratoriumSql('st.settlement_id')} ORDER BY p.id`,
      )
      .all({ date: '2026-12-01' })
      .map((row) => row.id);
    const inVillage = t.db
      .prepare<[number], { id: number }>(
        'SELECT p.id FROM metering_points p JOIN houses h ON h.id = p.house_id JOIN streets st ON st.id = h.street_id WHERE st.settlement_id = ? ORDER BY p.id',
      )
      .all(t.settlements.village)
      .map((row) => row.id);
    expect(inVillage.length).toBeGreaterThan(0);
    expect(barred).toEqual(inVillage);
  });

  it('refuse an end before the start, in words', () => {
    const t = testDistrict();
    expect(t.refusal('moratoria.save', { settlementId: t.settlements.town, fromOn: '2026-12-10', toOn: '2026-12-09' })).toMatchObject({
      code: 'moratorium.toBeforeFrom',
      field: 'toOn',
      message: 'Мораторій не може закінчитися (09.12.2026) раніше, ніж почався (10.12.2026).',
    });
    // A one-day moratorium is fine.
    expect(t.call('moratoria.save', { settlementId: t.settlements.town, fromOn: '2026-12-10', toOn: '2026-12-10' }).toOn).toBe(
      '2026-12-10',
    );
    expect(t.refusal('moratoria.save', { settlementId: 999, fromOn: '2026-12-10' }).code).toBe('notFound.settlement');
  });

  it('are listed, changed and deleted, each change in the audit log', () => {
    const t = testDistrict();
    const saved = t.call('moratoria.save', { settlementId: t.settlements.village, fromOn: '2026-12-01', note: 'паводок' });
    expect(saved).toMatchObject({ settlementName: 'Вільшанка', fromOn: '2026-12-01', toOn: null, note: 'паводок' });
    const changed = t.call('moratoria.save', { ...saved, toOn: '2027-01-15' });
    expect(t.call('moratoria.list', {})).toEqual([changed]);
    expect(t.call('moratoria.delete', { id: saved.id })).toEqual({ deleted: 1 });
    expect(t.refusal('moratoria.delete', { id: saved.id }).code).toBe('notFound.moratorium');
    const entries = t.call('audit.list', { entity: 'moratorium' }).rows;
    expect(entries.map((entry) => entry.action).sort()).toEqual(['change', 'create', 'delete']);
  });
});

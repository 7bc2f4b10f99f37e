import type { MoratoriumRow } from '../../../shared/contract/moratoria';
import type { Db } from '../../db/open';
import { DomainError } from '../errors';

/**
 * The condition "settlement `settlementColumn` is under a moratorium on `@date`", for a rule's own
 * SQL that judges many points at once (forming orders): a moratorium is in force from its first
 * day to its last day inclusive, and an open one (no last day) from its first day on.
 * `settlementColumn` is a column of the caller's SQL, never a user value; the date is a parameter.
 */
export const underMoratoriumSql = (settlementColumn: string, dateParameter = '@date') =>
  `EXISTS (SELECT 1 FROM moratoria m WHERE m.settlement_id = ${settlementColumn}
    AND m.from_on <= ${dateParameter} AND (m.to_on IS NULL OR m.to_on >= ${dateParameter}))`;

export interface MoratoriumInput {
  id?: number | undefined;
  settlementId: number;
  fromOn: string;
  toOn: string | null;
  note: string;
}

/** Moratoria on disconnection by settlement (DOMAIN.md, workflow 4), and the checks rules ask of them. */
export function moratoria(db: Db) {
  const select = `SELECT m.id, m.settlement_id AS settlementId, s.name AS settlementName,
      m.from_on AS fromOn, m.to_on AS toOn, m.note
    FROM moratoria m JOIN settlements s ON s.id = m.settlement_id`;
  const one = db.prepare<[number], MoratoriumRow>(`${select} WHERE m.id = ?`);
  // By settlement in alphabet order, the latest moratorium of each first.
  const all = db.prepare<[], MoratoriumRow>(`${select} ORDER BY s.name_key, m.from_on DESC, m.id`);
  const insert = db.prepare('INSERT INTO moratoria (settlement_id, from_on, to_on, note) VALUES (?, ?, ?, ?)');
  const update = db.prepare('UPDATE moratoria SET settlement_id = ?, from_on = ?, to_on = ?, note = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM moratoria WHERE id = ?');
  const settlementExists = db.prepare<[number], { id: number }>('SELECT id FROM settlements WHERE id = ?');
  const inForce = db.prepare<{ settlementId: number; date: string }, { hit: number }>(
    `SELECT ${underMoratoriumSql('@settlementId')} AS hit`,
  );
  const settlementsInForce = db.prepare<{ date: string }, { settlementId: number }>(
    `SELECT DISTINCT m.settlement_id AS settlementId FROM moratoria m
     WHERE m.from_on <= @date AND (m.to_on IS NULL OR m.to_on >= @date)`,
  );

  return {
    find: (id: number) => one.get(id),
    list: () => all.all(),

    save({ id, settlementId, fromOn, toOn, note }: MoratoriumInput): MoratoriumRow {
      // The table's CHECK would refuse it too, but as an internal error; the operator needs words.
      if (toOn !== null && toOn < fromOn) throw new DomainError('moratorium.toBeforeFrom', { from: fromOn, to: toOn }, 'toOn');
      if (!settlementExists.get(settlementId)) throw new DomainError('notFound.settlement', {}, 'settlementId');
      let savedId = id;
      if (savedId === undefined) savedId = Number(insert.run(settlementId, fromOn, toOn, note).lastInsertRowid);
      else if (update.run(settlementId, fromOn, toOn, note, savedId).changes === 0) throw new DomainError('notFound.moratorium');
      const saved = one.get(savedId);
      if (!saved) throw new DomainError('notFound.moratorium');
      return saved;
    },

    delete(id: number): number {
      const deleted = remove.run(id).changes;
      if (deleted === 0) throw new DomainError('notFound.moratorium');
      return deleted;
    },

    /** Whether the settlement is under a moratorium on that date. */
    underMoratorium: (settlementId: number, isoDate: string): boolean => inForce.get({ settlementId, date: isoDate })?.hit === 1,

    /** Every settlement under a moratorium on that date: one query for a whole form of points. */
    settlementsUnderMoratorium: (isoDate: string): Set<number> =>
      new Set(settlementsInForce.all({ date: isoDate }).map((row) => row.settlementId)),
  };
}

import type { Page } from '../../../shared/contract/define';
import type { ParsedInput } from '../../../shared/contract/index';
import type { RoutePointRow, RouteRow } from '../../../shared/contract/routes';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, addressOrder, formatAddress, type AddressParts } from '../addresses/address';
import { DomainError, found } from '../errors';
import { uniquely } from '../sqlite-errors';

type RouteDraft = ParsedInput<'routes.save'>;

/** Route records: the numbering, naming, section and executor rules of Довідники / Маршрути. */
export function routeStore(db: Db) {
  const routeSelect = `SELECT r.id, r.number, r.name, r.section_id AS sectionId, s.name AS sectionName,
      r.executor_id AS executorId, e.full_name AS executorName,
      (SELECT count(*) FROM metering_points p WHERE p.route_id = r.id) AS pointCount
    FROM routes r LEFT JOIN sections s ON s.id = r.section_id LEFT JOIN employees e ON e.id = r.executor_id`;
  const byId = db.prepare<[number], RouteRow>(`${routeSelect} WHERE r.id = ?`);
  const byNumber = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM routes WHERE number = ?');
  // The query matches a route number exactly, or a fragment of its name, section or executor.
  const filter = `WHERE @query = '' OR r.number = CAST(@query AS INTEGER) AND @query GLOB '[0-9]*'
      OR instr(ufold(r.name), ufold(@query)) > 0 OR instr(ufold(s.name), ufold(@query)) > 0
      OR instr(ufold(e.full_name), ufold(@query)) > 0`;
  const list = db.prepare<{ query: string; offset: number; limit: number }, RouteRow>(
    `${routeSelect} ${filter} ORDER BY r.number LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<{ query: string }, { n: number }>(
    `SELECT count(*) AS n FROM routes r LEFT JOIN sections s ON s.id = r.section_id
      LEFT JOIN employees e ON e.id = r.executor_id ${filter}`,
  );
  const sectionExists = db.prepare<[number], { id: number }>('SELECT id FROM sections WHERE id = ?');
  const executor = db.prepare<[number], { fullName: string; active: number }>(
    'SELECT full_name AS fullName, active FROM employees WHERE id = ?',
  );
  const insert = db.prepare('INSERT INTO routes (number, name, section_id, executor_id) VALUES (@number, @name, @sectionId, @executorId)');
  const update = db.prepare(
    'UPDATE routes SET number = @number, name = @name, section_id = @sectionId, executor_id = @executorId WHERE id = @id',
  );
  const remove = db.prepare('DELETE FROM routes WHERE id = ?');
  const taskCount = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM walk_tasks WHERE route_id = ?');

  type PointSql = Omit<RoutePointRow, 'address'> & AddressParts;
  // In the route's walk order, as its tasks list them (walk-sequence.ts).
  const points = db.prepare<{ routeId: number; offset: number; limit: number }, PointSql>(`
    SELECT p.id AS pointId, a.id AS accountId, a.number AS accountNumber, a.full_name AS fullName,
      ${addressColumns}, p.apartment, p.commodity, p.status, m.serial AS meterSerial, m.model AS meterModel
    FROM metering_points p JOIN accounts a ON a.id = p.account_id ${addressJoins('p.house_id')}
    LEFT JOIN meters m ON m.point_id = p.id
    WHERE p.route_id = @routeId ORDER BY p.walk_seq IS NULL, p.walk_seq, ${addressOrder('p.apartment_key')}, p.id
    LIMIT @limit OFFSET @offset`);
  const pointCount = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM metering_points WHERE route_id = ?');

  const get = (id: number): RouteRow => found(byId.get(id), 'notFound.route');

  const checkDraft = (draft: RouteDraft) => {
    if (!Number.isInteger(draft.number) || draft.number < 1 || draft.number > 99_999) {
      throw new DomainError('route.numberInvalid', {}, 'number');
    }
    const holder = byNumber.get(draft.number);
    if (holder && holder.id !== draft.id) {
      throw new DomainError('route.numberTaken', { number: draft.number, name: holder.name }, 'number');
    }
    if (draft.sectionId !== null && !sectionExists.get(draft.sectionId)) {
      throw new DomainError('notFound.section', {}, 'sectionId');
    }
    if (draft.executorId !== null) {
      const person = found(executor.get(draft.executorId), 'notFound.employee');
      if (!person.active) throw new DomainError('route.executorNotActive', { name: person.fullName }, 'executorId');
    }
  };

  return {
    get,
    find: (id: number): RouteRow | undefined => byId.get(id),
    list(query: string, offset: number, limit: number): Page<RouteRow> {
      return { rows: list.all({ query, offset, limit }), total: count.get({ query })!.n };
    },
    /** Saving never touches the route's points, so replacing the executor keeps them. */
    save(draft: RouteDraft): RouteRow {
      checkDraft(draft);
      const values = { number: draft.number, name: draft.name, sectionId: draft.sectionId, executorId: draft.executorId };
      // Two operators saving the same number at once: the UNIQUE index decides.
      const taken = () => new DomainError('route.numberTaken', { number: draft.number, name: '' }, 'number');
      return uniquely(() => {
        if (draft.id === undefined) return get(Number(insert.run(values).lastInsertRowid));
        if (update.run({ ...values, id: draft.id }).changes === 0) throw new DomainError('notFound.route');
        return get(draft.id);
      }, taken);
    },
    /** Only an empty route may go: its points would otherwise silently fall off every walk. */
    delete(id: number): number {
      const route = get(id);
      if (route.pointCount > 0) throw new DomainError('route.notEmpty', { number: route.number, count: route.pointCount });
      // Its walk tasks are the record of what was read on it; they outlive a change of plan.
      const tasks = taskCount.get(id)!.n;
      if (tasks > 0) throw new DomainError('route.hasTasks', { number: route.number, count: tasks });
      return remove.run(id).changes;
    },
    points(routeId: number, offset: number, limit: number): Page<RoutePointRow> {
      get(routeId);
      const rows = points
        .all({ routeId, offset, limit })
        .map(({ settlementKind, settlementName, streetKind, streetName, house, apartment, ...rest }) => ({
          ...rest,
          address: formatAddress({ settlementKind, settlementName, streetKind, streetName, house, apartment }),
        }));
      return { rows, total: pointCount.get(routeId)!.n };
    },
  };
}

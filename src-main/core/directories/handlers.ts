import type {
  directoriesChannels,
  EmployeeRow,
  HouseRow,
  SectionRow,
  SettlementRow,
  StreetRow,
} from '../../../shared/contract/directories';
import type { ErrorCode } from '../../../shared/i18n/errors';
import type { Db } from '../../db/open';
import { houseSortKey, normalizeHouseNumber } from '../addresses/house-number';
import { ukSortKey } from '../collation/uk-sort-key';
import { DomainError, found } from '../errors';
import type { Handlers } from '../registry';
import { uniquely } from '../sqlite-errors';

type Channel = keyof typeof directoriesChannels;

export function directoriesHandlers(db: Db): Handlers<Channel> {
  const section = db.prepare<[number], SectionRow>(`
    SELECT s.id, s.name, s.settlement_id AS settlementId, se.name AS settlementName,
      (SELECT count(*) FROM routes r WHERE r.section_id = s.id) AS routeCount
    FROM sections s LEFT JOIN settlements se ON se.id = s.settlement_id WHERE s.id = ?`);
  const sections = db.prepare<[], SectionRow>(`
    SELECT s.id, s.name, s.settlement_id AS settlementId, se.name AS settlementName,
      (SELECT count(*) FROM routes r WHERE r.section_id = s.id) AS routeCount
    FROM sections s LEFT JOIN settlements se ON se.id = s.settlement_id ORDER BY s.name_key`);
  const insertSection = db.prepare('INSERT INTO sections (name, name_key, settlement_id) VALUES (?, ?, ?)');
  const updateSection = db.prepare('UPDATE sections SET name = ?, name_key = ?, settlement_id = ? WHERE id = ?');

  const employeeSelect = `SELECT e.id, e.full_name AS fullName, e.position, e.phone,
      e.is_controller AS isController, e.active, e.plan_capacity AS planCapacity,
      (SELECT count(*) FROM routes r WHERE r.executor_id = e.id) AS routeCount
    FROM employees e`;
  const employee = db.prepare<[number], EmployeeRow>(`${employeeSelect} WHERE e.id = ?`);
  const employees = db.prepare<[number], EmployeeRow>(
    `${employeeSelect} WHERE ? = 0 OR (e.is_controller = 1 AND e.active = 1) ORDER BY e.active DESC, e.name_key`,
  );
  const insertEmployee = db.prepare(
    'INSERT INTO employees (full_name, name_key, position, phone, is_controller, active, plan_capacity) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // A capacity left out of the request keeps the one saved: a screen that does not show it cannot clear it.
  const updateEmployee = db.prepare(
    `UPDATE employees SET full_name = ?, name_key = ?, position = ?, phone = ?, is_controller = ?, active = ?,
       plan_capacity = CASE WHEN ? THEN plan_capacity ELSE ? END WHERE id = ?`,
  );

  const settlementSelect = `SELECT se.id, se.name, se.kind,
      (SELECT count(*) FROM streets st WHERE st.settlement_id = se.id) AS streetCount FROM settlements se`;
  const settlement = db.prepare<[number], SettlementRow>(`${settlementSelect} WHERE se.id = ?`);
  const settlements = db.prepare<[], SettlementRow>(`${settlementSelect} ORDER BY se.name_key`);
  const insertSettlement = db.prepare('INSERT INTO settlements (name, name_key, kind) VALUES (?, ?, ?)');
  const updateSettlement = db.prepare('UPDATE settlements SET name = ?, name_key = ?, kind = ? WHERE id = ?');

  const streetSelect = `SELECT st.id, st.settlement_id AS settlementId, st.name, st.kind,
      (SELECT count(*) FROM houses h WHERE h.street_id = st.id) AS houseCount,
      (SELECT count(*) FROM houses h JOIN metering_points p ON p.house_id = h.id WHERE h.street_id = st.id) AS pointCount
    FROM streets st`;
  const street = db.prepare<[number], StreetRow>(`${streetSelect} WHERE st.id = ?`);
  // Streets of one name stand together, by type: вул. Шевченка, пров. Шевченка.
  const streets = db.prepare<[number], StreetRow>(`${streetSelect} WHERE st.settlement_id = ? ORDER BY st.name_key, st.kind`);
  const insertStreet = db.prepare('INSERT INTO streets (settlement_id, name, name_key, kind) VALUES (?, ?, ?, ?)');
  const updateStreet = db.prepare('UPDATE streets SET settlement_id = ?, name = ?, name_key = ?, kind = ? WHERE id = ?');

  type HouseSql = Omit<HouseRow, 'otherRoutes'> & { otherRoutes: string | null };
  const houseSelect = `SELECT h.id, h.street_id AS streetId, h.number,
      count(p.id) AS pointCount,
      count(CASE WHEN p.route_id = @routeId THEN 1 END) AS onRouteCount,
      (SELECT group_concat(number) FROM (SELECT DISTINCT r.number FROM metering_points p2
         JOIN routes r ON r.id = p2.route_id
         WHERE p2.house_id = h.id AND p2.route_id IS NOT @routeId ORDER BY r.number)) AS otherRoutes
    FROM houses h LEFT JOIN metering_points p ON p.house_id = h.id`;
  const house = db.prepare<{ id: number; routeId: number | null }, HouseSql>(`${houseSelect} WHERE h.id = @id GROUP BY h.id`);
  const houses = db.prepare<{ streetId: number; routeId: number | null }, HouseSql>(
    `${houseSelect} WHERE h.street_id = @streetId GROUP BY h.id ORDER BY h.sort_key`,
  );
  const insertHouse = db.prepare('INSERT INTO houses (street_id, number, sort_key) VALUES (?, ?, ?)');
  const updateHouse = db.prepare('UPDATE houses SET street_id = ?, number = ?, sort_key = ? WHERE id = ?');
  const toHouseRow = (row: HouseSql): HouseRow => ({
    ...row,
    otherRoutes: row.otherRoutes ? row.otherRoutes.split(',').map(Number) : [],
  });

  const employeeRow = (row: EmployeeRow): EmployeeRow => ({
    ...row,
    isController: Boolean(row.isController),
    active: Boolean(row.active),
  });

  /** Inserts a row (no id) or updates it (an id); a vanished id or a name already taken becomes the user's refusal. */
  const saveRow = (
    id: number | undefined,
    insert: () => number,
    update: (id: number) => number,
    notFound: ErrorCode,
    taken?: () => DomainError,
  ) => {
    const write = () => {
      if (id === undefined) return insert();
      if (update(id) === 0) throw new DomainError(notFound);
      return id;
    };
    return taken ? uniquely(write, taken) : write();
  };
  /** A directory row is audited as it was before the save and as it is after. */
  const audit = <T>(entity: string, get: (id: number) => T | undefined) => ({
    entity,
    before: ({ id }: { id?: number | undefined }) => (id === undefined ? null : (get(id) ?? null)),
  });

  return {
    'sections.list': () => sections.all(),
    'sections.save': {
      audit: audit('section', (id) => section.get(id)),
      run: ({ id, name, settlementId }) => {
        if (settlementId !== null) found(settlement.get(settlementId), 'notFound.settlement');
        const savedId = saveRow(
          id,
          () => Number(insertSection.run(name, ukSortKey(name), settlementId).lastInsertRowid),
          (id) => updateSection.run(name, ukSortKey(name), settlementId, id).changes,
          'notFound.section',
          () => new DomainError('section.nameTaken', { name }, 'name'),
        );
        return found(section.get(savedId), 'notFound.section');
      },
    },
    'employees.list': ({ onlyActiveControllers }) => employees.all(onlyActiveControllers ? 1 : 0).map(employeeRow),
    'employees.save': {
      audit: audit('employee', (id) => employee.get(id)),
      run: ({ id, fullName, position, phone, isController, active, planCapacity }) => {
        const values = [fullName, ukSortKey(fullName), position, phone, isController ? 1 : 0, active ? 1 : 0] as const;
        const savedId = saveRow(
          id,
          () => Number(insertEmployee.run(...values, planCapacity ?? null).lastInsertRowid),
          (id) => updateEmployee.run(...values, planCapacity === undefined ? 1 : 0, planCapacity ?? null, id).changes,
          'notFound.employee',
        );
        return employeeRow(found(employee.get(savedId), 'notFound.employee'));
      },
    },
    'settlements.list': () => settlements.all(),
    'settlements.save': {
      audit: audit('settlement', (id) => settlement.get(id)),
      run: ({ id, name, kind }) => {
        const savedId = saveRow(
          id,
          () => Number(insertSettlement.run(name, ukSortKey(name), kind).lastInsertRowid),
          (id) => updateSettlement.run(name, ukSortKey(name), kind, id).changes,
          'notFound.settlement',
          () => new DomainError('settlement.nameTaken', { name }, 'name'),
        );
        return found(settlement.get(savedId), 'notFound.settlement');
      },
    },
    'streets.list': ({ settlementId }) => streets.all(settlementId),
    'streets.save': {
      audit: audit('street', (id) => street.get(id)),
      run: ({ id, settlementId, name, kind }) => {
        found(settlement.get(settlementId), 'notFound.settlement');
        const savedId = saveRow(
          id,
          () => Number(insertStreet.run(settlementId, name, ukSortKey(name), kind).lastInsertRowid),
          (id) => updateStreet.run(settlementId, name, ukSortKey(name), kind, id).changes,
          'notFound.street',
          () => new DomainError('street.nameTaken', { name: `${kind} ${name}` }, 'name'),
        );
        return found(street.get(savedId), 'notFound.street');
      },
    },
    'houses.list': ({ streetId, routeId }) => houses.all({ streetId, routeId: routeId ?? null }).map(toHouseRow),
    'houses.save': {
      audit: audit('house', (id) => house.get({ id, routeId: null })),
      run: ({ id, streetId, number: raw }) => {
        found(street.get(streetId), 'notFound.street');
        const number = normalizeHouseNumber(raw);
        const key = houseSortKey(number);
        const savedId = saveRow(
          id,
          () => Number(insertHouse.run(streetId, number, key).lastInsertRowid),
          (id) => updateHouse.run(streetId, number, key, id).changes,
          'notFound.house',
          () => new DomainError('house.numberTaken', { number }, 'number'),
        );
        return toHouseRow(found(house.get({ id: savedId, routeId: null }), 'notFound.house'));
      },
    },
  };
}

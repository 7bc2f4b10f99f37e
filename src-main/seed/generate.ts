import type { Database } from 'better-sqlite3';
import { addressNumberKey, houseSortKey } from '../core/addresses/house-number';
import { addressColumns, addressJoins, formatAddress, type AddressParts } from '../core/addresses/address';
import { ukSortKey } from '../core/collation/uk-sort-key';
import { walkSequence } from '../core/routes/walk-sequence';
import { taskCriteria } from '../../shared/contract/tasks';
import { addDays, dayOfMonth, monthStart } from './calendar';
import * as names from './names';
import { createRandom, type Random } from './random';

export interface SeedOptions {
  accounts: number;
  seed: number;
  /** The district's "today": readings and bills run up to the month before it. */
  asOf: string;
  commodity: 'electricity' | 'gas';
  /**
   * Months of walk history before `asOf` (and its own month up to the day before): each route walked
   * twice a month for the points without a control reading, every position entered as not executed
   * with its reason. 0 (the default) leaves no walk tasks, as a district starts.
   */
  walkMonths?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  settlements: number;
  streets: number;
  houses: number;
  accounts: number;
  readings: number;
  bills: number;
  payments: number;
  routes: number;
  debtors: number;
  nearRollover: number;
  walkTasks: number;
  refusedVisits: number;
}

const months = 24;
const tariffKop = { electricity: 432, gas: 796 } as const;
const paymentSources = ['ПриватБанк', 'Ощадбанк', 'Укрпошта', 'каса РЕМ', 'monobank'];

interface Dwelling {
  houseId: number;
  apartment: string;
  settlementIndex: number;
  streetId: number;
  streetLabel: string;
}

/**
 * Fills an empty, migrated database with a district that looks real: a town of apartment blocks
 * and villages of private houses, two years of readings and bills, debtors, and meters about to
 * roll over. The same options always give the same rows.
 */
export function seedDistrict(db: Database, options: SeedOptions): SeedSummary {
  const random = createRandom(options.seed);
  const summary: SeedSummary = {
    settlements: 0,
    streets: 0,
    houses: 0,
    accounts: 0,
    readings: 0,
    bills: 0,
    payments: 0,
    routes: 0,
    debtors: 0,
    nearRollover: 0,
    walkTasks: 0,
    refusedVisits: 0,
  };
  db.transaction(() => {
    const dwellings = buildAddresses(db, random, options.accounts, summary);
    const employees = buildEmployees(db, random, Math.max(4, Math.ceil(options.accounts / 1500)));
    const { points: pointsInOrder, neglected } = buildAccounts(db, random, options, dwellings, summary);
    buildRoutes(db, random, dwellings, pointsInOrder, employees, summary);
    // A stream of its own: the walks change nothing else the seed makes.
    buildWalks(db, createRandom(options.seed + 1), options, neglected, summary);
  })();
  return summary;
}

function buildAddresses(db: Database, random: Random, accounts: number, summary: SeedSummary): Dwelling[] {
  const insertSettlement = db.prepare('INSERT INTO settlements (name, name_key, kind) VALUES (?, ?, ?)');
  const insertStreetOnce = db.prepare('INSERT OR IGNORE INTO streets (settlement_id, name, name_key, kind) VALUES (?, ?, ?, ?)');
  const insertHouse = db.prepare('INSERT INTO houses (street_id, number, sort_key) VALUES (?, ?, ?)');
  const insertSection = db.prepare('INSERT INTO sections (name, name_key, settlement_id) VALUES (?, ?, ?)');
  const section = (name: string, settlementId: number | null) => insertSection.run(name, ukSortKey(name), settlementId);

  const villageCount = Math.min(names.villageNames.length, Math.max(2, Math.ceil(accounts / 4000)));
  const townQuota = Math.ceil(accounts * 0.45);
  const villageQuota = Math.ceil((accounts - townQuota) / villageCount);
  const settlements = [
    { name: names.townName, kind: 'місто', quota: townQuota, town: true },
    ...names.villageNames.slice(0, villageCount).map((name) => ({ name, kind: 'село', quota: villageQuota, town: false })),
  ];

  const dwellings: Dwelling[] = [];
  settlements.forEach((settlement, settlementIndex) => {
    const settlementId = Number(insertSettlement.run(settlement.name, ukSortKey(settlement.name), settlement.kind).lastInsertRowid);
    summary.settlements++;
    if (settlement.town) {
      section(`${settlement.name} — центр`, settlementId);
      section(`${settlement.name} — околиці`, settlementId);
    } else if (settlementIndex % 4 === 1) {
      section(`${settlement.name}ська дільниця`, null);
    }
    let left = Math.min(settlement.quota, accounts - dwellings.length);
    const streetPool = random.shuffle(names.streetNames);
    for (let k = 0; left > 0; k++) {
      // A big settlement runs out of names: later rounds give lanes and squares of the same names.
      const round = Math.floor(k / streetPool.length);
      const name = streetPool[k % streetPool.length]! + (round > names.overflowStreetKinds.length ? ` ${round}` : '');
      const kind =
        round === 0 ? random.pick(names.streetKindsWeighted) : names.overflowStreetKinds[(round - 1) % names.overflowStreetKinds.length]!;
      const inserted = insertStreetOnce.run(settlementId, name, ukSortKey(name), kind);
      if (inserted.changes === 0) continue;
      const streetId = Number(inserted.lastInsertRowid);
      summary.streets++;
      const houseCount = settlement.town ? random.int(8, 30) : random.int(15, 70);
      for (let n = 1, made = 0; made < houseCount && left > 0; n += random.chance(0.1) ? 2 : 1, made++) {
        for (const number of houseVariants(random, n)) {
          if (left <= 0) break;
          const houseId = Number(insertHouse.run(streetId, number, houseSortKey(number)).lastInsertRowid);
          summary.houses++;
          const block = settlement.town && random.chance(0.55);
          const apartments = block ? Math.min(left, random.pick([18, 36, 45, 60, 72, 90])) : 1;
          for (let apartment = 1; apartment <= apartments; apartment++) {
            dwellings.push({
              houseId,
              apartment: block ? String(apartment) : '',
              settlementIndex,
              streetId,
              streetLabel: `${kind} ${name}`,
            });
          }
          left -= apartments;
        }
      }
    }
  });
  return dwellings;
}

/** Most houses have a plain number; some gain a lettered neighbour (12а) or a building (12/1). */
function houseVariants(random: Random, n: number): string[] {
  const variants = [String(n)];
  if (random.chance(0.08)) variants.push(`${n}а`);
  if (random.chance(0.04)) variants.push(`${n}/1`);
  return variants;
}

function personName(random: Random): string {
  const female = random.chance(0.55);
  const gendered = random.chance(0.2) ? random.pick(names.genderedSurnames) : null;
  const surname = gendered ? gendered[female ? 1 : 0] : random.pick(names.maleSurnames);
  const first = random.pick(female ? names.femaleNames : names.maleNames);
  const patronymic = random.pick(names.patronymics)[female ? 1 : 0];
  return `${surname} ${first} ${patronymic}`;
}

function phone(random: Random): string {
  return `+380 ${random.pick(['67', '97', '50', '66', '63', '93', '98'])} ${random.int(100, 999)} ${random.int(10, 99)} ${random.int(10, 99)}`;
}

function buildEmployees(db: Database, random: Random, controllers: number): number[] {
  const statement = db.prepare(
    'INSERT INTO employees (full_name, name_key, position, phone, is_controller, active) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insert = (position: string, isController: number, active: number) => {
    const name = personName(random);
    return Number(statement.run(name, ukSortKey(name), position, phone(random), isController, active).lastInsertRowid);
  };
  const ids: number[] = [];
  for (let i = 0; i < controllers; i++) ids.push(insert('контролер', 1, 1));
  for (const position of ['майстер', 'майстер', 'оператор', 'оператор', 'інженер']) insert(position, 0, 1);
  // A controller who has left: kept for history, not offered as an executor.
  insert('контролер', 1, 0);
  return ids;
}

function buildAccounts(
  db: Database,
  random: Random,
  options: SeedOptions,
  dwellings: Dwelling[],
  summary: SeedSummary,
): { points: number[]; neglected: number[] } {
  // The billing system's state as of the district's "today": its last bills file holds every payment.
  const insertAccount = db.prepare(
    'INSERT INTO accounts (number, full_name, name_key, phone, house_id, apartment, bills_imported_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertPoint = db.prepare(`INSERT INTO metering_points (account_id, house_id, apartment, apartment_key, commodity, status,
      inspection_since, complaint_since)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMeter = db.prepare(`INSERT INTO meters (point_id, serial, model, digits, placement, condition, verification_due)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertReading = db.prepare(
    'INSERT INTO readings (point_id, taken_on, value, kind, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertBill = db.prepare('INSERT INTO bills (point_id, period, amount_kop, delivered_on, paid_kop) VALUES (?, ?, ?, ?, ?)');
  const insertPayment = db.prepare('INSERT INTO payments (account_id, paid_on, amount_kop, source, applied_kop) VALUES (?, ?, ?, ?, ?)');

  const electricity = options.commodity === 'electricity';
  const firstMonth = monthStart(options.asOf, -months);
  const perSettlement = new Map<number, number>();
  const points: number[] = [];
  const neglectedPoints: number[] = [];

  dwellings.forEach((dwelling, index) => {
    const seq = perSettlement.get(dwelling.settlementIndex) ?? 0;
    perSettlement.set(dwelling.settlementIndex, seq + 1);
    // A permutation of 0..999999 (104729 is prime to 10⁶): numbers do not follow the street order.
    const accountNumber = `${String(dwelling.settlementIndex + 10).padStart(2, '0')}${String((seq * 104729 + 4243) % 1_000_000).padStart(6, '0')}`;
    const debtor = random.chance(0.12);
    const partialPayer = !debtor && random.chance(0.05);
    const fullName = personName(random);
    const accountId = Number(
      insertAccount.run(
        accountNumber,
        fullName,
        ukSortKey(fullName),
        random.chance(0.8) ? phone(random) : '',
        dwelling.houseId,
        dwelling.apartment,
        options.asOf,
      ).lastInsertRowid,
    );

    const disconnected = debtor && random.chance(0.12);
    const inspection = random.chance(0.01) ? addDays(options.asOf, -random.int(1, 90)) : null;
    const complaint = random.chance(0.006) ? addDays(options.asOf, -random.int(1, 40)) : null;
    const pointId = Number(
      insertPoint.run(
        accountId,
        dwelling.houseId,
        dwelling.apartment,
        addressNumberKey(dwelling.apartment),
        options.commodity,
        disconnected ? 'disconnected' : 'connected',
        inspection,
        complaint,
      ).lastInsertRowid,
    );
    points.push(pointId);

    const digits = electricity ? random.pick([5, 6, 6]) : 5;
    const modulus = 10 ** digits;
    const base = electricity ? random.int(60, 420) : random.int(15, 160);
    const nearRollover = random.chance(0.004);
    let value = nearRollover ? modulus - base * random.int(20, 27) : random.int(0, Math.floor(modulus * 0.6));
    if (nearRollover) summary.nearRollover++;
    insertMeter.run(
      pointId,
      String(random.int(10_000_000, 99_999_999)),
      random.pick(electricity ? names.electricityModels : names.gasModels),
      digits,
      random.pick(electricity ? names.electricityPlacements : names.gasPlacements),
      random.pick(names.meterConditions),
      addDays(options.asOf, random.int(-60, 8 * 365)),
    );

    // A control walk every six months at a random phase; one point in five has been missed for long.
    const controlPhase = random.int(0, 5);
    const neglected = random.chance(0.2);
    if (neglected) neglectedPoints.push(pointId);
    const stopPayingAt = debtor ? months - random.int(1, 8) : months;
    let balance = 0;
    for (let m = 0; m < months; m++) {
      const month = monthStart(firstMonth, m);
      const monthNo = Number(month.slice(5, 7));
      const season = electricity ? (monthNo <= 2 || monthNo === 12 ? 1.3 : 1) : monthNo <= 3 || monthNo >= 11 ? 2.2 : 0.35;
      const consumption = Math.max(0, Math.round(base * season * (0.8 + random.next() * 0.4)));
      value += consumption;
      const shown = value % modulus;
      if (random.chance(0.85)) {
        const day = dayOfMonth(month, random.int(1, 5));
        insertReading.run(pointId, day, shown, 'self', null, `${day}T09:00:00.000Z`);
        summary.readings++;
      }
      if (!neglected && m % 6 === controlPhase) {
        const day = dayOfMonth(month, random.int(10, 25));
        insertReading.run(pointId, day, shown, 'control', 'демо', `${day}T15:00:00.000Z`);
        summary.readings++;
      }
      const amount = consumption * tariffKop[options.commodity];
      const delivered = dayOfMonth(monthStart(month, 1), random.int(3, 7));
      const paid = m >= stopPayingAt ? 0 : partialPayer && random.chance(0.5) ? Math.round(amount / 2) : amount;
      insertBill.run(pointId, month.slice(0, 7), amount, delivered, paid);
      summary.bills++;
      if (paid > 0) {
        insertPayment.run(accountId, addDays(delivered, random.int(2, 20)), paid, random.pick(paymentSources), paid);
        summary.payments++;
      }
      balance += paid - amount;
    }
    if (balance < 0) summary.debtors++;
    summary.accounts++;
    if (index % 1000 === 999) options.onProgress?.(index + 1, dwellings.length);
  });
  options.onProgress?.(dwellings.length, dwellings.length);
  return { points, neglected: neglectedPoints };
}

/**
 * Routes of a few hundred points along the street order; the last streets of each settlement are
 * left unassigned so a new user has something to put on a route.
 */
function buildRoutes(db: Database, random: Random, dwellings: Dwelling[], points: number[], controllers: number[], summary: SeedSummary) {
  const insertRoute = db.prepare('INSERT INTO routes (number, name, section_id, executor_id) VALUES (?, ?, ?, ?)');
  const assign = db.prepare('UPDATE metering_points SET route_id = ? WHERE id IN (SELECT value FROM json_each(?))');
  // Each route's walk is laid out as assignment lays it out: by address.
  const sequence = walkSequence(db);
  const sectionIds = db
    .prepare<[], { id: number }>('SELECT id FROM sections ORDER BY id')
    .all()
    .map((row) => row.id);
  const target = random.int(300, 600);
  let batch: number[] = [];
  let labels: string[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const number = summary.routes + 1;
    const name = labels.slice(0, 3).join(', ') + (labels.length > 3 ? ' …' : '');
    const routeId = Number(
      insertRoute.run(number, name, sectionIds[number % sectionIds.length] ?? null, controllers[number % controllers.length] ?? null)
        .lastInsertRowid,
    );
    assign.run(routeId, JSON.stringify(batch));
    sequence.settle(routeId);
    summary.routes++;
    batch = [];
    labels = [];
  };
  let previousStreet = -1;
  let streetsSeen = 0;
  dwellings.forEach((dwelling, index) => {
    if (dwelling.streetId !== previousStreet) {
      previousStreet = dwelling.streetId;
      streetsSeen++;
      if (batch.length >= target) flush();
      labels.push(dwelling.streetLabel);
    }
    // Every seventh street stays off the routes.
    if (streetsSeen % 7 === 0) return;
    batch.push(points[index]!);
  });
  flush();
}

/** What a controller writes for a door that stays shut: mostly nobody in, now and then no way to the meter. */
const refusalReasons = [
  { code: 2, weight: 68, nonAdmittance: false }, // Нікого немає вдома
  { code: 1, weight: 15, nonAdmittance: true }, // Немає доступу до лічильника
  { code: 5, weight: 3, nonAdmittance: true }, // Відмова в допуску
  { code: 6, weight: 8, nonAdmittance: false }, // Інше
  { code: 4, weight: 4, nonAdmittance: false }, // Лічильник пошкоджений
  { code: 3, weight: 2, nonAdmittance: false }, // Лічильник відсутній
];

/**
 * The walks of the last `walkMonths` months: twice a month each route is walked for its connected
 * points with no control reading for a year, which in this district are the ones nobody could get
 * to read (the neglected fifth), and each visit is entered as not executed with a reason, some of
 * them non-admittance. So a non-admittance warning has real refused visits to count.
 */
function buildWalks(db: Database, random: Random, options: SeedOptions, neglected: number[], summary: SeedSummary) {
  const months = options.walkMonths ?? 0;
  if (months <= 0 || neglected.length === 0) return;
  const routes = db
    .prepare<[], { id: number; number: number; name: string; executorId: number | null; executorName: string | null }>(
      `SELECT r.id, r.number, r.name, r.executor_id AS executorId, e.full_name AS executorName
       FROM routes r LEFT JOIN employees e ON e.id = r.executor_id ORDER BY r.number`,
    )
    .all();
  type Position = AddressParts & { pointId: number; routeId: number; accountId: number; accountNumber: string; fullName: string };
  const positions = db
    .prepare<[string], Position & { meterSerial: string | null; meterDigits: number | null }>(
      `SELECT p.id AS pointId, p.route_id AS routeId, p.account_id AS accountId, a.number AS accountNumber, a.full_name AS fullName,
         ${addressColumns}, p.apartment, m.serial AS meterSerial, m.digits AS meterDigits
       FROM metering_points p JOIN accounts a ON a.id = p.account_id LEFT JOIN meters m ON m.point_id = p.id ${addressJoins('p.house_id')}
       WHERE p.id IN (SELECT value FROM json_each(?)) AND p.route_id IS NOT NULL AND p.status = 'connected'
       ORDER BY p.route_id, p.walk_seq`,
    )
    .all(JSON.stringify(neglected));
  const byRoute = new Map<number, typeof positions>();
  for (const position of positions) {
    const list = byRoute.get(position.routeId);
    if (list) list.push(position);
    else byRoute.set(position.routeId, [position]);
  }

  const insertTask = db.prepare(`INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, route_number, route_name,
      executor_id, executor_name, created_at) VALUES (?, ?, ?, 'address', ?, ?, ?, ?, ?)`);
  const insertPosition = db.prepare(`INSERT INTO task_positions (task_id, seq, point_id, account_id, account_number, full_name,
      address, meter_serial, meter_digits, status, reason_code, checked_on, entered_by, entered_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'not_executed', ?, ?, 'демо', ?)`);
  const criteria = JSON.stringify(taskCriteria.parse({ noControlDays: 365 }));
  const totalWeight = refusalReasons.reduce((sum, r) => sum + r.weight, 0);
  const reason = () => {
    let roll = random.int(1, totalWeight);
    for (const r of refusalReasons) if ((roll -= r.weight) <= 0) return r;
    return refusalReasons[0]!;
  };
  // Nothing is entered on or after the district's "today".
  const lastDay = addDays(options.asOf, -1);
  // The months before the district's "today" and its own month up to the day before.
  for (let m = months; m >= 0; m--) {
    const month = monthStart(options.asOf, -m);
    for (const [firstDay, lastWalkDay] of [
      [3, 10],
      [17, 26],
    ] as const) {
      for (const route of routes) {
        const points = byRoute.get(route.id);
        if (!points) continue;
        const taskDate = dayOfMonth(month, random.int(firstDay, lastWalkDay));
        if (taskDate > lastDay) continue;
        const taskId = Number(
          insertTask.run(
            route.id,
            taskDate,
            criteria,
            route.number,
            route.name,
            route.executorId,
            route.executorName,
            `${taskDate}T07:30:00.000Z`,
          ).lastInsertRowid,
        );
        summary.walkTasks++;
        points.forEach((point, index) => {
          const checkedOn = addDays(taskDate, random.int(0, 2));
          const checked = checkedOn > lastDay ? lastDay : checkedOn;
          const { code, nonAdmittance } = reason();
          if (nonAdmittance) summary.refusedVisits++;
          insertPosition.run(
            taskId,
            index + 1,
            point.pointId,
            point.accountId,
            point.accountNumber,
            point.fullName,
            formatAddress(point),
            point.meterSerial,
            point.meterDigits,
            code,
            checked,
            `${checked}T16:00:00.000Z`,
          );
        });
      }
    }
  }
}

import type { Db } from '../../src-main/db/open';
import { openDatabase } from '../../src-main/db/open';
import { createCore } from '../../src-main/core/app';
import { addressNumberKey, houseSortKey } from '../../src-main/core/addresses/house-number';
import { ukSortKey } from '../../src-main/core/collation/uk-sort-key';
import type { ChannelName, Input, Output } from '../../shared/contract/index';
import type { ApiErrorBody } from '../../shared/contract/envelope';
import type { ImportKind, ImportProblem } from '../../shared/contract/exchange';
import type { Locale } from '../../shared/i18n/locales';
import { DomainError } from '../../src-main/core/errors';
import type { RegistryLog } from '../../src-main/core/registry';

/**
 * A small hand-made district for rule tests: one settlement, two streets, a few houses with
 * points, two employees and a section. Every id a test needs is returned by name.
 */
export function testDistrict(log: Partial<RegistryLog> = {}, options: { today?: string } = {}) {
  const db: Db = openDatabase(':memory:');
  const insert = (sql: string, ...values: unknown[]) => Number(db.prepare(sql).run(...values).lastInsertRowid);
  // Names go in with their sort keys, as the core writes them (see collation/uk-sort-key.ts).
  const settlement = (name: string, kind: string) =>
    insert('INSERT INTO settlements (name, name_key, kind) VALUES (?, ?, ?)', name, ukSortKey(name), kind);
  const street = (settlementId: number, name: string) =>
    insert("INSERT INTO streets (settlement_id, name, name_key, kind) VALUES (?, ?, ?, 'вул.')", settlementId, name, ukSortKey(name));
  const employee = (name: string, active = 1) =>
    insert('INSERT INTO employees (full_name, name_key, is_controller, active) VALUES (?, ?, 1, ?)', name, ukSortKey(name), active);
  const town = settlement('Коростишів', 'місто');
  const village = settlement('Вільшанка', 'село');
  const shevchenka = street(town, 'Шевченка');
  const sadova = street(town, 'Садова');
  const polova = street(village, 'Польова');
  const house = (street: number, number: string) =>
    insert('INSERT INTO houses (street_id, number, sort_key) VALUES (?, ?, ?)', street, number, houseSortKey(number));
  const houses = {
    sh2: house(shevchenka, '2'),
    sh10: house(shevchenka, '10'),
    sh10a: house(shevchenka, '10а'),
    sa1: house(sadova, '1'),
    po5: house(polova, '5'),
  };
  let accountNo = 100;
  const point = (houseId: number, apartment = '') => {
    const account = insert(
      'INSERT INTO accounts (number, full_name, name_key, house_id, apartment) VALUES (?, ?, ?, ?, ?)',
      String(accountNo++),
      'Бойко Ганна Петрівна',
      ukSortKey('Бойко Ганна Петрівна'),
      houseId,
      apartment,
    );
    const id = insert(
      "INSERT INTO metering_points (account_id, house_id, apartment, apartment_key, commodity) VALUES (?, ?, ?, ?, 'electricity')",
      account,
      houseId,
      apartment,
      addressNumberKey(apartment),
    );
    insert(
      "INSERT INTO meters (point_id, serial, model, digits, verification_due) VALUES (?, ?, 'GAMA 100', 6, '2030-01-01')",
      id,
      `S${id}`,
    );
    return id;
  };
  const points = {
    sh2: [point(houses.sh2)],
    sh10: [point(houses.sh10, '1'), point(houses.sh10, '2'), point(houses.sh10, '10')],
    sh10a: [point(houses.sh10a)],
    sa1: [point(houses.sa1)],
    po5: [point(houses.po5)],
  };
  const section = insert('INSERT INTO sections (name, name_key, settlement_id) VALUES (?, ?, ?)', 'Центр', ukSortKey('Центр'), town);
  const controller = employee('Мельник Іван Петрович');
  const otherController = employee('Ткачук Олена Іванівна');
  const retired = employee('Мороз Петро Іванович', 0);

  const pinned = options.today;
  const core = createCore(db, {
    version: 'test',
    log: { error: () => {}, refused: () => {}, ...log },
    signedIn: { login: 'admin', fullName: 'Адміністратор', role: 'admin' },
    // The workstation's date, pinned when a rule depends on it (the card's debt, a bills import's day).
    ...(pinned ? { today: () => pinned } : {}),
  });
  /** Calls a channel as a host would and unwraps the answer; a refusal fails the test with its code and words. */
  const call = <N extends ChannelName>(channel: N, input: Input<N>, locale = 'uk'): Output<N> => {
    const answer = core.dispatch(channel, input, locale);
    if (!answer.ok) throw new Error(`${channel} refused: ${answer.error.code} — ${answer.error.message}`);
    return answer.value as Output<N>;
  };
  type Table = { header: string[]; rows: string[][]; mapping: Record<string, number> };
  /** What import.run commits once the host has read the file: checked, then written in one transaction. */
  const importFile = (kind: ImportKind, table: Table, locale: Locale = 'uk') =>
    db.transaction(() => core.services.exchange.importTable(kind, { ...table, firstLine: 2 }, locale))();
  /** The problems a refused file is listed with (nothing is written). */
  const importProblems = (kind: ImportKind, table: Table, locale: Locale = 'uk'): ImportProblem[] => {
    try {
      importFile(kind, table, locale);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'import.rejected') return error.details as ImportProblem[];
      throw error;
    }
    throw new Error(`expected the ${kind} file to be refused`);
  };
  /** A bill as the billing file leaves it: what the billing system says was paid on it, kopecks. */
  const bill = (pointId: number, period: string, amountKop: number, deliveredOn: string | null, paidKop = 0) =>
    insert(
      'INSERT INTO bills (point_id, period, amount_kop, delivered_on, paid_kop) VALUES (?, ?, ?, ?, ?)',
      pointId,
      period,
      amountKop,
      deliveredOn,
      paidKop,
    );
  /** A payment the bills do not hold yet (applied 0) unless told how much they hold. */
  const payment = (accountId: number, paidOn: string, amountKop: number, appliedKop = 0) =>
    insert(
      "INSERT INTO payments (account_id, paid_on, amount_kop, source, applied_kop) VALUES (?, ?, ?, 'каса', ?)",
      accountId,
      paidOn,
      amountKop,
      appliedKop,
    );
  const accountOf = (pointId: number) =>
    db.prepare<[number], { id: number }>('SELECT account_id AS id FROM metering_points WHERE id = ?').get(pointId)!.id;
  const refusal = (channel: ChannelName, input: unknown, locale = 'uk'): ApiErrorBody => {
    const answer = core.dispatch(channel, input, locale);
    if (answer.ok) throw new Error(`expected ${channel} to be refused`);
    return answer.error;
  };
  return {
    db,
    core,
    call,
    refusal,
    importFile,
    importProblems,
    bill,
    payment,
    accountOf,
    settlements: { town, village },
    streets: { shevchenka, sadova, polova },
    houses,
    points,
    section,
    controller,
    otherController,
    retired,
  };
}

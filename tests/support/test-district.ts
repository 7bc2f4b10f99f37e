import type { Db } from '../../src-main/db/open';
import { openDatabase } from '../../src-main/db/open';
import { createCore } from '../../src-main/core/app';
import { houseSortKey } from '../../src-main/core/addresses/house-number';
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
  const town = insert("INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто')");
  const village = insert("INSERT INTO settlements (name, kind) VALUES ('Вільшанка', 'село')");
  const shevchenka = insert("INSERT INTO streets (settlement_id, name, kind) VALUES (?, 'Шевченка', 'вул.')", town);
  const sadova = insert("INSERT INTO streets (settlement_id, name, kind) VALUES (?, 'Садова', 'вул.')", town);
  const polova = insert("INSERT INTO streets (settlement_id, name, kind) VALUES (?, 'Польова', 'вул.')", village);
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
      "INSERT INTO accounts (number, full_name, house_id, apartment) VALUES (?, 'Бойко Ганна Петрівна', ?, ?)",
      String(accountNo++),
      houseId,
      apartment,
    );
    const id = insert(
      "INSERT INTO metering_points (account_id, house_id, apartment, commodity) VALUES (?, ?, ?, 'electricity')",
      account,
      houseId,
      apartment,
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
  const section = insert("INSERT INTO sections (name, settlement_id) VALUES ('Центр', ?)", town);
  const controller = insert("INSERT INTO employees (full_name, is_controller) VALUES ('Мельник Іван Петрович', 1)");
  const otherController = insert("INSERT INTO employees (full_name, is_controller) VALUES ('Ткачук Олена Іванівна', 1)");
  const retired = insert("INSERT INTO employees (full_name, is_controller, active) VALUES ('Мороз Петро Іванович', 1, 0)");

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

const settlementPrefix: Record<string, string> = { місто: 'м.', смт: 'смт', село: 'с.', селище: 'с-ще' };

export interface AddressParts {
  settlementKind: string;
  settlementName: string;
  streetKind: string;
  streetName: string;
  house: string;
  apartment: string;
}

/** "м. Житомир, вул. Шевченка, 12а, кв. 5" — the form a route sheet and a card print. */
export function formatAddress(p: AddressParts): string {
  const prefix = settlementPrefix[p.settlementKind] ?? p.settlementKind;
  const apartment = p.apartment ? `, кв. ${p.apartment}` : '';
  return `${prefix} ${p.settlementName}, ${p.streetKind} ${p.streetName}, ${p.house}${apartment}`;
}

/** A row read with addressColumns and the apartment, its address parts replaced by the address as printed. */
export function withAddress<T extends AddressParts>(row: T): Omit<T, keyof AddressParts> & { address: string } {
  const { settlementKind, settlementName, streetKind, streetName, house, apartment, ...rest } = row;
  return { ...rest, address: formatAddress({ settlementKind, settlementName, streetKind, streetName, house, apartment }) };
}

/**
 * Columns that feed formatAddress, for a query that has joined houses h, streets st and
 * settlements se. Kept in one place so every list spells an address the same way.
 */
export const addressColumns = `se.kind AS settlementKind, se.name AS settlementName, st.kind AS streetKind,
  st.name AS streetName, h.number AS house`;

export const addressJoins = (houseIdColumn: string) => `JOIN houses h ON h.id = ${houseIdColumn}
  JOIN streets st ON st.id = h.street_id JOIN settlements se ON se.id = st.settlement_id`;

/**
 * Settlement and street in Ukrainian alphabetical order, streets of one name by their type (so
 * вул. and пров. Шевченка do not interleave), then house and apartment as numbers are read. Every
 * part is a key stored by the core (uk-sort-key.ts, house-number.ts): SQL compares them as plain
 * strings. The apartment key column is the point's (p.apartment_key) or what a query named it.
 */
export const addressOrder = (apartmentKeyColumn: string) => `se.name_key, st.name_key, st.kind, h.sort_key, ${apartmentKeyColumn}`;

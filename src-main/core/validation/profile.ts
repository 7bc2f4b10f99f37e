import type { Commodity } from '../../../shared/contract/entry';
import type { Db } from '../../db/open';
import { untilConfigurationChanges } from '../settings/configuration-stamp';

/**
 * How a commodity's use is spread over the year, as a weight per day: a day of month m weighs
 * 12 × share(m) / Σ shares, so a flat profile weighs every day 1 and a profile-weighted number of
 * days equals the plain number of days. Gas in January weighs 1.92 a day with the default shares,
 * in July 0.24: 100 m³ over a January month and 12.5 m³ over a July one are the same household.
 */
export interface Profile {
  /** The weight of one day in each calendar month, January first. */
  readonly dayWeight: readonly number[];
  /** The sum of the day weights over [from, to), dates YYYY-MM-DD; a flat profile gives the days. */
  weightedDays: (from: string, to: string) => number;
}

const firstYear = 1970;
const lastYear = 2199;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** A profile from twelve shares, January first; shares are taken relative to their sum. */
export function profileFromShares(shares: readonly number[]): Profile {
  if (shares.length !== 12) throw new Error('a consumption profile has 12 monthly shares');
  const total = shares.reduce((sum, share) => sum + share, 0);
  const dayWeight = total > 0 ? shares.map((share) => (12 * share) / total) : shares.map(() => 1);
  // The weighted days from 1 January 1970 to the first of each month: a date's running total is
  // then one lookup and a multiplication, which the whole district's 1.5 million intervals need.
  const monthStart = new Float64Array((lastYear - firstYear + 1) * 12 + 1);
  for (let index = 0, year = firstYear; year <= lastYear; year++) {
    for (let month = 0; month < 12; month++, index++) {
      monthStart[index + 1] = monthStart[index]! + daysIn(year, month) * dayWeight[month]!;
    }
  }
  const running = (date: string): number => {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7)) - 1;
    const day = Number(date.slice(8, 10));
    if (!(year >= firstYear && year <= lastYear)) throw new Error(`date out of range: ${date}`);
    return monthStart[(year - firstYear) * 12 + month]! + (day - 1) * dayWeight[month]!;
  };
  return { dayWeight, weightedDays: (from, to) => running(to) - running(from) };
}

export type Profiles = Record<Commodity, Profile>;

type ShareRow = { commodity: Commodity; month: number; share: number };
const sharesSql = 'SELECT commodity, month, share FROM consumption_profile ORDER BY commodity, month';

/** Each commodity's twelve shares, January first, from the table's rows. */
function sharesFrom(rows: readonly ShareRow[]): Record<Commodity, number[]> {
  const shares = (commodity: Commodity) => {
    const byMonth = Array.from({ length: 12 }, () => 0);
    let found = 0;
    for (const row of rows) {
      if (row.commodity === commodity) {
        byMonth[row.month - 1] = row.share;
        found++;
      }
    }
    // A commodity whose rows were removed is taken as flat rather than as using nothing.
    return found === 0 ? byMonth.map(() => 1) : byMonth;
  };
  return { gas: shares('gas'), electricity: shares('electricity') };
}

/** The shares as the administrator keeps them (table consumption_profile, migration 012). */
export const readShares = (db: Db): Record<Commodity, number[]> => sharesFrom(db.prepare<[], ShareRow>(sharesSql).all());

/** The profiles as the administrator keeps them, the day-weight tables built again only after a change. */
export function profilesReader(db: Db): () => Profiles {
  const select = db.prepare<[], ShareRow>(sharesSql);
  return untilConfigurationChanges(db, () => {
    const shares = sharesFrom(select.all());
    return { gas: profileFromShares(shares.gas), electricity: profileFromShares(shares.electricity) };
  });
}

export const readProfiles = (db: Db): Profiles => profilesReader(db)();

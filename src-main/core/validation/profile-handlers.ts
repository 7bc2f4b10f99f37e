import type { Commodity } from '../../../shared/contract/entry';
import { profileCommodities, type CommodityProfile, type profileChannels } from '../../../shared/contract/profile';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { profileFromShares, readShares } from './profile';

/** A commodity's shares with what the core makes of them: each month's part of the year and its day weight. */
function describe(commodity: Commodity, shares: readonly number[]): CommodityProfile {
  const { dayWeight } = profileFromShares(shares);
  return {
    commodity,
    months: shares.map((share, index) => ({
      month: index + 1,
      share,
      // A day weighs 12 × share / Σ, so the month's part of the year is its weight over 12; a profile
      // of nothing but zeros, which only a hand-edited database holds, is flat and reads so here too.
      ofYear: dayWeight[index]! / 12,
      dayWeight: dayWeight[index]!,
    })),
  };
}

/** Сервіс / Профіль споживання: the monthly shares expected consumption is weighted by, each change audited. */
export function profileHandlers(db: Db): Handlers<keyof typeof profileChannels> {
  const put = db.prepare<[Commodity, number, number]>(
    'INSERT INTO consumption_profile (commodity, month, share) VALUES (?, ?, ?) ON CONFLICT (commodity, month) DO UPDATE SET share = excluded.share',
  );
  const sharesOf = (commodity: Commodity) => ({ commodity, shares: readShares(db)[commodity] });
  return {
    'profile.list': () => {
      const shares = readShares(db);
      return profileCommodities.map((commodity) => describe(commodity, shares[commodity]));
    },
    'profile.save': {
      audit: {
        entity: 'consumptionProfile',
        action: 'change',
        id: () => null,
        before: ({ commodity }) => sharesOf(commodity),
        after: ({ commodity }, saved) => ({ commodity, shares: saved.months.map((month) => month.share) }),
      },
      // The contract has checked the twelve shares (each 0 to the maximum, not all zero); the
      // registry's transaction writes all twelve or none.
      run: ({ commodity, shares }) => {
        shares.forEach((share, index) => put.run(commodity, index + 1, share));
        return describe(commodity, shares);
      },
    },
  };
}

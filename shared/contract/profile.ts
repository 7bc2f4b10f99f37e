import { z } from 'zod';
import { read, write } from './define';
import type { Commodity } from './entry';

export const profileCommodities = ['gas', 'electricity'] as const satisfies readonly Commodity[];

/**
 * The largest share a month may be given. Shares are taken relative to their sum, so an
 * administrator may type fractions (0.16), percentages (16) or a household's monthly volumes
 * (192 m³); ten thousand leaves room for all three and still stops a slipped key.
 */
export const profileShareMax = 10_000;

/**
 * A month of a commodity's consumption profile as the core reads it
 * (src-main/core/validation/profile.ts; docs/domain.md, "Expected consumption and the bands").
 */
export interface ProfileMonth {
  /** 1 for January … 12 for December. */
  month: number;
  /** As the administrator typed it. */
  share: number;
  /** The month's part of the year's use, share / Σ shares (0.16 for 16 %). */
  ofYear: number;
  /** What one day of the month weighs in expected consumption, 12 × share / Σ shares. */
  dayWeight: number;
}

export interface CommodityProfile {
  commodity: Commodity;
  /** January first, twelve of them. */
  months: ProfileMonth[];
}

/**
 * Twelve shares, January first, each from 0 to the maximum and not all zero. Every refusal names
 * its own code and the month it concerns, so the screen says what is wrong and where.
 */
const shares = z.array(z.number()).superRefine((values, context) => {
  if (values.length !== 12) {
    context.addIssue({ code: 'custom', message: 'twelve shares', params: { code: 'profile.sharesCount', count: values.length } });
    return;
  }
  const outside = values.findIndex((share) => !(share >= 0 && share <= profileShareMax));
  if (outside >= 0) {
    context.addIssue({
      code: 'custom',
      message: 'share out of range',
      path: [outside],
      params: { code: 'profile.shareOutOfRange', month: outside + 1, max: profileShareMax },
    });
  } else if (!values.some((share) => share > 0)) {
    context.addIssue({ code: 'custom', message: 'all shares zero', params: { code: 'profile.allZero' } });
  }
});

export const profileChannels = {
  'profile.list': read<CommodityProfile[]>()(z.object({})),
  /** One commodity's twelve shares at once: a profile is only meaningful whole. */
  'profile.save': write<CommodityProfile>()(z.object({ commodity: z.enum(profileCommodities), shares })),
};

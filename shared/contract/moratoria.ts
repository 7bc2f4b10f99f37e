import { z } from 'zod';
import { id, isoDate, text } from './common';
import { read, write } from './define';

/** A settlement where no disconnection order may be formed from `fromOn` to `toOn` inclusive. */
export interface MoratoriumRow {
  id: number;
  settlementId: number;
  settlementName: string;
  fromOn: string;
  /** null: until somebody closes it. */
  toOn: string | null;
  note: string;
}

export const moratoriaChannels = {
  'moratoria.list': read<MoratoriumRow[]>()(z.object({})),
  'moratoria.save': write<MoratoriumRow>()(
    z.object({
      id: id.optional(),
      settlementId: id,
      fromOn: isoDate,
      toOn: isoDate.nullable().default(null),
      note: text(200).default(''),
    }),
  ),
  'moratoria.delete': write<{ deleted: number }>()(z.object({ id })),
};

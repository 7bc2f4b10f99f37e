import type { Commodity } from '../../../shared/contract/entry';
import type { Bands } from '../../../shared/validation/bands';
import type { Db } from '../../db/open';
import { untilConfigurationChanges } from '../settings/configuration-stamp';

/** The bands of one commodity (settings validation.<commodity>.*, migration 012). */
export interface ValidationSettings {
  bands: Record<Commodity, Bands>;
  /** Fewer control readings than this in the window: no expected consumption, the monthly maximum judges. */
  minHistoryReadings: number;
  /** The window of history, in months before the reading's date. */
  historyMonths: number;
}

const keys = [
  'validation.minHistoryReadings',
  'validation.historyMonths',
  ...(['gas', 'electricity'] as const).flatMap((commodity) =>
    (['highFactor', 'lowFactor', 'zeroDays'] as const).map((factor) => `validation.${commodity}.${factor}`),
  ),
];

/**
 * The settings as they stand on each call (an administrator may change them), all of them read by
 * one prepared statement and parsed again only after a change, since every save judges by them
 * several times.
 */
export function validationSettingsReader(db: Db): () => ValidationSettings {
  const select = db.prepare<[string], { key: string; value: string }>(
    'SELECT key, value FROM settings WHERE key IN (SELECT value FROM json_each(?))',
  );
  const wanted = JSON.stringify(keys);
  return untilConfigurationChanges(db, () => {
    const values = new Map(select.all(wanted).map((row) => [row.key, row.value]));
    const number = (key: string): number => {
      const value = Number(values.get(key));
      if (!Number.isInteger(value) || value < 0) throw new Error(`setting ${key} is not a whole number`);
      return value;
    };
    const bands = (commodity: Commodity): Bands => ({
      highFactor: number(`validation.${commodity}.highFactor`),
      lowFactor: number(`validation.${commodity}.lowFactor`),
      zeroDays: number(`validation.${commodity}.zeroDays`),
    });
    return {
      bands: { gas: bands('gas'), electricity: bands('electricity') },
      minHistoryReadings: number('validation.minHistoryReadings'),
      historyMonths: number('validation.historyMonths'),
    };
  });
}

export const readValidationSettings = (db: Db): ValidationSettings => validationSettingsReader(db)();

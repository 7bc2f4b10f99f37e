import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './index';

describe('migration 12, consumption profile', () => {
  it('writes twelve shares per commodity summing to one, heating months the heaviest, and the bands at their defaults', () => {
    const db = new Database(':memory:');
    migrate(db, { migrations: migrations.filter((m) => m.version <= 12) });
    const sums = db
      .prepare('SELECT commodity, count(*) AS months, round(sum(share), 9) AS total FROM consumption_profile GROUP BY commodity')
      .all();
    expect(sums).toEqual([
      { commodity: 'electricity', months: 12, total: 1 },
      { commodity: 'gas', months: 12, total: 1 },
    ]);
    const gas = db
      .prepare<[], number>("SELECT month FROM consumption_profile WHERE commodity = 'gas' ORDER BY share DESC, month")
      .pluck()
      .all();
    expect(gas.slice(0, 3)).toEqual([12, 1, 2]);
    const settings = db
      .prepare<[], [string, string]>("SELECT key, value FROM settings WHERE key LIKE 'validation.%' ORDER BY key")
      .raw()
      .all();
    expect(Object.fromEntries(settings)).toEqual({
      'validation.electricity.highFactor': '3',
      'validation.electricity.lowFactor': '3',
      'validation.electricity.zeroDays': '60',
      'validation.gas.highFactor': '3',
      'validation.gas.lowFactor': '3',
      'validation.gas.zeroDays': '60',
      'validation.historyMonths': '24',
      'validation.minHistoryReadings': '3',
    });
  });
});

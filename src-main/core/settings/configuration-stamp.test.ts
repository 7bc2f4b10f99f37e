import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { profilesReader } from '../validation/profile';
import { validationSettingsReader } from '../validation/validation-settings';

describe('settings and profile kept until they change', () => {
  it('gives the same parsed settings while nothing changed, the new ones from the call after a save', () => {
    const d = testDistrict();
    const read = validationSettingsReader(d.db);
    const first = read();
    expect(read()).toBe(first);
    d.call('settings.save', { key: 'validation.electricity.highFactor', value: '5' });
    expect(read().bands.electricity.highFactor).toBe(5);
    expect(read()).not.toBe(first);
  });

  it('follows a change written straight into either table, and one rolled back leaves what was kept', () => {
    const d = testDistrict();
    const settings = validationSettingsReader(d.db);
    const profiles = profilesReader(d.db);
    const keptProfiles = profiles();
    d.db.prepare("UPDATE settings SET value = '7' WHERE key = 'validation.gas.zeroDays'").run();
    expect(settings().bands.gas.zeroDays).toBe(7);
    // Any change to either table is a change: the profile is built again, the same.
    expect(profiles().gas.dayWeight).toEqual(keptProfiles.gas.dayWeight);

    const januaryWeight = keptProfiles.gas.dayWeight[0];
    d.db.prepare("UPDATE consumption_profile SET share = 1 WHERE commodity = 'gas'").run();
    expect(profiles().gas.dayWeight[0]).toBe(1);
    expect(januaryWeight).not.toBe(1);

    const kept = settings();
    expect(() =>
      d.db.transaction(() => {
        d.db.prepare("UPDATE settings SET value = '9' WHERE key = 'validation.gas.zeroDays'").run();
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(settings()).toBe(kept);
    expect(kept.bands.gas.zeroDays).toBe(7);
  });
});

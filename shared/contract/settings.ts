import { z } from 'zod';
import { read, write } from './define';

/** The settings an administrator keeps, each with the bounds the workstation accepts. */
export const settingRules = {
  'branch.name': { kind: 'text', max: 100 },
  'entry.maxConsumption.electricity': { kind: 'number', min: 1, max: 1_000_000 },
  'entry.maxConsumption.gas': { kind: 'number', min: 1, max: 1_000_000 },
  // Kept in kopecks; the screen shows and takes гривні.
  'warnings.minDebtKop': { kind: 'money', min: 0, max: 100_000_000_00 },
  // How old a bill must be, and how many refused visits in what window, before a warning is formed.
  'warnings.billAgeDays': { kind: 'number', min: 0, max: 365 },
  'warnings.nonAdmittance.windowDays': { kind: 'number', min: 1, max: 365 },
  'warnings.nonAdmittance.visits': { kind: 'number', min: 1, max: 20 },
  'security.idleLockMinutes': { kind: 'number', min: 0, max: 480 },
  'backup.keep': { kind: 'number', min: 1, max: 100 },
} as const;
export type SettingKey = keyof typeof settingRules;
export const settingKeys = Object.keys(settingRules) as [SettingKey, ...SettingKey[]];

export const settingsChannels = {
  'settings.list': read<{ key: SettingKey; value: string }[]>()(z.object({})),
  'settings.save': write<{ key: SettingKey; value: string }>()(
    z.object({ key: z.enum(settingKeys), value: z.string().trim().min(1).max(100) }),
  ),
};

import { z } from 'zod';
import { read, write } from './define';

/** How a deadline's days are counted (src-main/core/calendar/working-days.ts). */
export const dayUnits = ['working', 'calendar'] as const;
/** A number of days and the unit it is counted in, for a deadline around a disconnection. */
const days = { kind: 'number', min: 0, max: 90 } as const;
const unit = { kind: 'choice', options: dayUnits } as const;

/**
 * The settings an administrator keeps, each with the bounds the workstation accepts: free text,
 * a whole number, money in kopecks, or one of a few fixed values (a choice, shown as a list).
 */
export const settingRules = {
  'branch.name': { kind: 'text', max: 100 },
  // Printed on every disconnection-warning notice: where and how a consumer reaches the branch.
  'branch.address': { kind: 'text', max: 100 },
  'branch.phone': { kind: 'text', max: 100 },
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
  // Workflow 4: the notice before the earliest cut-off, per commodity; reconnection after payment,
  // per commodity, town and village. Days off follow calendar.holidaysOff.
  'disconnection.notice.electricity.days': days,
  'disconnection.notice.electricity.unit': unit,
  'disconnection.notice.gas.days': days,
  'disconnection.notice.gas.unit': unit,
  'disconnection.reconnect.electricity.town.days': days,
  'disconnection.reconnect.electricity.town.unit': unit,
  'disconnection.reconnect.electricity.village.days': days,
  'disconnection.reconnect.electricity.village.unit': unit,
  'disconnection.reconnect.gas.town.days': days,
  'disconnection.reconnect.gas.town.unit': unit,
  'disconnection.reconnect.gas.village.days': days,
  'disconnection.reconnect.gas.village.unit': unit,
  'warnings.mailReceivedDays': { kind: 'number', min: 0, max: 30 },
  // 1: public holidays are days off; 0 while martial law suspends them (Labour Code art. 73).
  'calendar.holidaysOff': { kind: 'number', min: 0, max: 1 },
  // Judging a reading by the point's own history (core/validation/): too high above k × expected,
  // too low below expected / k, zero over more than N days on a connected point; too short a
  // history (fewer control readings in the window) falls back to the monthly maximum.
  'validation.gas.highFactor': { kind: 'number', min: 2, max: 100 },
  'validation.gas.lowFactor': { kind: 'number', min: 2, max: 100 },
  'validation.gas.zeroDays': { kind: 'number', min: 1, max: 730 },
  'validation.electricity.highFactor': { kind: 'number', min: 2, max: 100 },
  'validation.electricity.lowFactor': { kind: 'number', min: 2, max: 100 },
  'validation.electricity.zeroDays': { kind: 'number', min: 1, max: 730 },
  'validation.minHistoryReadings': { kind: 'number', min: 2, max: 50 },
  'validation.historyMonths': { kind: 'number', min: 6, max: 60 },
  // Денний план (core/plans/): readings a controller takes in a day unless their own figure says
  // otherwise; a control reading due every N days; points read fewer than N days ago left out; a
  // point not admitted back after N days (on another weekday), proposed for a non-admittance warning
  // after N refusals; access rates over the last N days; a plan at most N % of the capacity;
  // a meter whose verification falls within N days.
  'plan.capacity': { kind: 'number', min: 1, max: 500 },
  'plan.controlLimitDays': { kind: 'number', min: 1, max: 3650 },
  'plan.recentDays': { kind: 'number', min: 0, max: 365 },
  'plan.coolOffDays': { kind: 'number', min: 0, max: 90 },
  'plan.failuresBeforeWarning': { kind: 'number', min: 1, max: 20 },
  'plan.accessWindowDays': { kind: 'number', min: 7, max: 1095 },
  'plan.maxOverbookingPercent': { kind: 'number', min: 100, max: 1000 },
  'plan.verificationDays': { kind: 'number', min: 0, max: 365 },
} as const;
export type SettingRule = (typeof settingRules)[SettingKey];
export type SettingKey = keyof typeof settingRules;
export const settingKeys = Object.keys(settingRules) as [SettingKey, ...SettingKey[]];

export const settingsChannels = {
  'settings.list': read<{ key: SettingKey; value: string }[]>()(z.object({})),
  'settings.save': write<{ key: SettingKey; value: string }>()(
    z.object({ key: z.enum(settingKeys), value: z.string().trim().min(1).max(100) }),
  ),
};

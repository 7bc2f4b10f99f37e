import type { Db } from '../../db/open';
import type { ScoreSettings } from './scoring';

export interface PlanSettings extends ScoreSettings {
  /** Readings a day for a controller without a figure of their own. */
  capacity: number;
  accessWindowDays: number;
  maxOverbookingPercent: number;
}

/** The plan's settings as they stand (migration 16 writes the defaults), with the warnings' thresholds it shares. */
export function planSettings(db: Db) {
  const get = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
  const number = (key: string) => {
    const value = Number(get.get(key));
    if (!Number.isInteger(value)) throw new Error(`setting ${key} is not a whole number`);
    return value;
  };
  return (): PlanSettings => ({
    capacity: number('plan.capacity'),
    controlLimitDays: number('plan.controlLimitDays'),
    recentDays: number('plan.recentDays'),
    coolOffDays: number('plan.coolOffDays'),
    failuresBeforeWarning: number('plan.failuresBeforeWarning'),
    accessWindowDays: number('plan.accessWindowDays'),
    maxOverbookingPercent: number('plan.maxOverbookingPercent'),
    verificationDays: number('plan.verificationDays'),
    warningWindowDays: number('warnings.nonAdmittance.windowDays'),
    minDebtKop: number('warnings.minDebtKop'),
  });
}

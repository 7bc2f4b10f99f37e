import type { plansChannels } from '../../../shared/contract/plans';
import type { Db } from '../../db/open';
import { addDays, settingsReader } from '../calendar/working-days';
import type { Handlers } from '../registry';
import { planChanges } from './plan-changes';
import { dayPlans } from './proposal';

/** Робота з абонентом / Денний план. */
export function plansHandlers(db: Db, { today }: { today: () => string }): Handlers<keyof typeof plansChannels> {
  const plans = dayPlans(db);
  const changes = planChanges(db, plans, { today });
  const setting = settingsReader(db);
  // Tomorrow's walk, or Monday's on a Friday: the plans a master forms at the end of a day.
  const nextWorkingDay = () => addDays(today(), 1, 'working', setting('calendar.holidaysOff') !== '0');
  return {
    'plans.propose': ({ date, sectionId }) => {
      const day = plans(date ?? nextWorkingDay(), { sectionId });
      return { ...day, plans: day.plans.map(({ routeOf: _routes, ...plan }) => plan) };
    },
    'plans.move': {
      audit: { entity: 'plan', id: () => null, after: (input, answer) => ({ ...input, ...answer }), action: 'change' },
      run: ({ date, pointIds, toEmployeeId }) => changes.move(date, pointIds, toEmployeeId),
    },
    'plans.lock': {
      audit: { entity: 'plan', id: ({ employeeId }) => employeeId, after: (input, answer) => ({ ...input, ...answer }), action: 'change' },
      run: ({ date, sectionId, employeeId, locked }, { user }) => changes.lock(date, employeeId, sectionId, locked, user),
    },
    'plans.form': {
      audit: { entity: 'plan', id: () => null, after: (input, answer) => ({ ...input, ...answer }), action: 'create' },
      run: ({ date, sectionId, formWarnings }, { user }) => changes.form(date, sectionId, formWarnings, user),
    },
  };
}

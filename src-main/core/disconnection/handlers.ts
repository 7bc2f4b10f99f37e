import type { disconnectionChannels } from '../../../shared/contract/disconnection';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { warningIssuing } from './warning-issuing';

/** Робота з абонентом / Попередження про відключення: the register, and each batch issued or cancelled kept in the audit log. */
export function disconnectionHandlers(db: Db, { today }: { today: () => string }): Handlers<keyof typeof disconnectionChannels> {
  const warnings = warningIssuing(db, today);
  // A batch has no single id: the entry keeps the warnings before and after, each with its own id.
  const audit = {
    entity: 'warning',
    before: ({ ids }: { ids: number[] }) => warnings.before(ids),
    id: () => null,
    action: 'change' as const,
  };
  return {
    'warnings.list': (filter) => warnings.list(filter),
    'warnings.issue': { audit, run: (input) => warnings.issue(input) },
    'warnings.cancel': { audit, run: (input) => warnings.cancel(input) },
  };
}

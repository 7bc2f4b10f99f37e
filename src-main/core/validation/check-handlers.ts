import type { checksChannels } from '../../../shared/contract/checks';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { checkQueue } from './check-queue';

/** What the audit log keeps of a decision. */
const decisionOf = (item: { decision: string | null; correctedValue: number | null; note: string; currentValue: number | null }) => ({
  decision: item.decision,
  value: item.currentValue,
  correctedValue: item.correctedValue,
  note: item.note,
});

export function checkHandlers(db: Db, options: { today: () => string }): Handlers<keyof typeof checksChannels> {
  const queue = checkQueue(db, options);
  return {
    'checks.list': (filter) => queue.list(filter),
    'checks.decide': {
      audit: {
        entity: 'reading_check',
        id: ({ id }) => id,
        before: ({ id }) => decisionOf(queue.get(id)),
        after: (_request, item) => decisionOf(item),
      },
      run: (request, { user }) => queue.decide(request, user),
    },
  };
}

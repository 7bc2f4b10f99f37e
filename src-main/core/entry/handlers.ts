import type { entryChannels } from '../../../shared/contract/entry';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { enteredOf, type EntryStore } from './entry-store';

/** Розноска over the core's one entry store (the phone's results are saved through the same one). */
export function entryHandlers(db: Db, store: EntryStore): Handlers<keyof typeof entryChannels> {
  const problems = db.prepare<[], { code: number; uk: string; en: string }>(
    'SELECT code, name_uk AS uk, name_en AS en FROM meter_problems WHERE active = 1 ORDER BY code',
  );
  return {
    'entry.open': ({ taskId }, { locale }) => store.open(taskId, locale),
    'entry.position': ({ taskId, seq }) => store.position(taskId, seq),
    'entry.save': {
      audit: {
        entity: 'reading',
        id: ({ positionId }) => positionId,
        before: ({ positionId }) => store.entered(positionId),
        after: (_request, { saved }) => enteredOf(saved),
      },
      run: (request, { locale, user }) => store.save(request, locale, user),
    },
    'entry.history': ({ positionId }) => store.history.all(positionId),
    'problems.list': (_input, { locale }) => problems.all().map((p) => ({ code: p.code, name: p[locale] })),
  };
}

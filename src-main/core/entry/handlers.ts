import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { entryStore } from './entry-store';

export function entryHandlers(
  db: Db,
  options: { today: () => string },
): Handlers<'entry.open' | 'entry.position' | 'entry.save' | 'entry.history' | 'problems.list'> {
  const store = entryStore(db, options);
  const problems = db.prepare<[], { code: number; uk: string; en: string }>(
    'SELECT code, name_uk AS uk, name_en AS en FROM meter_problems WHERE active = 1 ORDER BY code',
  );
  return {
    'entry.open': ({ taskId }, { locale }) => store.open(taskId, locale),
    'entry.position': ({ taskId, seq }) => store.position(taskId, seq),
    'entry.save': (request, { locale, user, audit }) => store.save(request, locale, user, audit),
    'entry.history': ({ positionId }) => store.history.all(positionId),
    'problems.list': (_input, { locale }) => problems.all().map((p) => ({ code: p.code, name: p[locale] })),
  };
}

import type { moratoriaChannels } from '../../../shared/contract/moratoria';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { moratoria } from './moratoria';

/** Сервіс / Мораторій на відключення: each declaration, change and removal kept in the audit log. */
export function moratoriaHandlers(db: Db): Handlers<keyof typeof moratoriaChannels> {
  const store = moratoria(db);
  return {
    'moratoria.list': () => store.list(),
    'moratoria.save': {
      audit: { entity: 'moratorium', before: ({ id }) => (id === undefined ? null : (store.find(id) ?? null)) },
      run: (input) => store.save(input),
    },
    'moratoria.delete': {
      audit: { entity: 'moratorium', before: ({ id }) => store.find(id) ?? null, after: () => null },
      run: ({ id }) => ({ deleted: store.delete(id) }),
    },
  };
}

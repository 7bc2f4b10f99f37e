import type { routesChannels } from '../../../shared/contract/routes';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { routeAssignment } from './assignment';
import { routeStore } from './route-store';

export function routesHandlers(db: Db): Handlers<keyof typeof routesChannels> {
  const routes = routeStore(db);
  const assignment = routeAssignment(db);
  return {
    'routes.list': ({ query, offset, limit }) => routes.list(query, offset, limit),
    'routes.get': ({ id }) => routes.get(id),
    'routes.save': (draft, { audit }) => {
      const before = draft.id === undefined ? null : routes.get(draft.id);
      const saved = routes.save(draft);
      audit(before ? 'change' : 'create', 'route', saved.id, before, saved);
      return saved;
    },
    'routes.delete': ({ id }, { audit }) => {
      const before = routes.get(id);
      const deleted = routes.delete(id);
      audit('delete', 'route', id, before, null);
      return { deleted };
    },
    'routes.points': ({ routeId, offset, limit }) => routes.points(routeId, offset, limit),
    'routes.assignPreview': ({ routeId, selector }) => assignment.preview(routeId, selector),
    'routes.assign': ({ routeId, selector, confirmMove }, { audit }) => {
      const result = assignment.assign(routeId, selector, confirmMove);
      audit('change', 'route.points', routeId, null, { selector, ...result });
      return result;
    },
    'routes.removePoints': ({ routeId, pointIds }, { audit }) => {
      const removed = assignment.remove(routeId, pointIds);
      audit('change', 'route.points', routeId, { pointIds }, { removed });
      return { removed };
    },
  };
}

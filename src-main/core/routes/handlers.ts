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
    'routes.save': (draft) => routes.save(draft),
    'routes.delete': ({ id }) => ({ deleted: routes.delete(id) }),
    'routes.points': ({ routeId, offset, limit }) => routes.points(routeId, offset, limit),
    'routes.assignPreview': ({ routeId, selector }) => assignment.preview(routeId, selector),
    'routes.assign': ({ routeId, selector, confirmMove }) => assignment.assign(routeId, selector, confirmMove),
    'routes.removePoints': ({ routeId, pointIds }) => ({ removed: assignment.remove(routeId, pointIds) }),
  };
}

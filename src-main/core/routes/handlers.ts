import type { routesChannels } from '../../../shared/contract/routes';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { routeAssignment } from './assignment';
import { routeStore } from './route-store';
import { walkSequence, type PlaceChange } from './walk-sequence';

/** The audit keeps the places of the points an edit touched, point id → place, not the whole route. */
const placesOf = (changes: PlaceChange[], side: 'from' | 'to') =>
  Object.fromEntries(changes.map((change) => [change.pointId, change[side]]));

export function routesHandlers(db: Db): Handlers<keyof typeof routesChannels> {
  const routes = routeStore(db);
  const assignment = routeAssignment(db);
  const sequence = walkSequence(db);
  const before = (id: number | undefined) => (id === undefined ? null : (routes.find(id) ?? null));
  return {
    'routes.list': ({ query, offset, limit }) => routes.list(query, offset, limit),
    'routes.get': ({ id }) => routes.get(id),
    'routes.save': { audit: { entity: 'route', before: ({ id }) => before(id) }, run: (draft) => routes.save(draft) },
    'routes.delete': {
      audit: { entity: 'route', before: ({ id }) => before(id), after: () => null },
      run: ({ id }) => ({ deleted: routes.delete(id) }),
    },
    'routes.points': ({ routeId, offset, limit }) => routes.points(routeId, offset, limit),
    'routes.assignPreview': ({ routeId, selector }) => assignment.preview(routeId, selector),
    'routes.assign': {
      audit: {
        entity: 'route.points',
        action: 'change',
        id: ({ routeId }) => routeId,
        after: ({ selector }, result) => ({ selector, ...result }),
      },
      run: ({ routeId, selector, confirmMove }) => assignment.assign(routeId, selector, confirmMove),
    },
    'routes.removePoints': {
      audit: { entity: 'route.points', action: 'change', id: ({ routeId }) => routeId, before: ({ pointIds }) => ({ pointIds }) },
      run: ({ routeId, pointIds }) => ({ removed: assignment.remove(routeId, pointIds) }),
    },
    'routes.sequence': ({ routeId }) => sequence.list(routeId),
    'routes.resequence': {
      audit: {
        entity: 'route.walk',
        action: 'change',
        id: ({ routeId }) => routeId,
        before: ({ routeId, change }) => ({ change, places: placesOf(sequence.plan(routeId, change), 'from') }),
        after: ({ change }, result) => ({ change, places: result.places }),
      },
      run: ({ routeId, change }) => sequence.change(routeId, change),
    },
  };
}

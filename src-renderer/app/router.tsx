import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** The screens, addressed by the URL fragment so a reload returns to the same place. */
export type Screen =
  | { name: 'home' }
  | { name: 'routes' }
  | { name: 'route'; id: number; tab: RouteTab }
  | { name: 'assignByStreet'; routeId?: number }
  | { name: 'assignByCriterion'; routeId?: number }
  | { name: 'sections' }
  | { name: 'employees' }
  | { name: 'addresses' }
  | { name: 'accounts' }
  | { name: 'taskForm'; routeId?: number }
  | { name: 'tasks'; purpose?: 'entry' }
  | { name: 'entry'; taskId: number }
  | { name: 'backups' }
  | { name: 'field' }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'export' }
  | { name: 'import' }
  | { name: 'settings' }
  | { name: 'moratoria' }
  | { name: 'profile' }
  | { name: 'warnings' }
  | { name: 'registers' }
  | { name: 'reports' }
  | { name: 'orderForm'; routeId?: number }
  | { name: 'orders' }
  | { name: 'order'; id: number }
  | { name: 'reconnections' }
  | { name: 'checks' }
  | { name: 'taskSheet'; id: number }
  | { name: 'plans' }
  /** A day's route sheets to print in one job. */
  | { name: 'planSheets'; taskIds: number[] }
  /** Warning notices to print: the warnings ticked in the register, or a walk task's. */
  | { name: 'notices'; of: { warningIds: number[] } | { taskId: number } };

/** A route card's tabs: its details, the points on it, their walk sequence (Порядок обходу). */
export type RouteTab = 'general' | 'points' | 'sequence';
export const asRouteTab = (tab: string | null | undefined): RouteTab => (tab === 'points' || tab === 'sequence' ? tab : 'general');

/** "12,15,40" → [12, 15, 40]; anything that is not a list of ids gives none. */
const idList = (text: string | null): number[] => {
  const ids = (text ?? '').split(',').map(Number);
  return ids.every((id) => Number.isInteger(id) && id > 0) ? ids : [];
};

export function parseHash(hash: string): Screen {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  const routeParam = Number(params.get('route'));
  const routeId = Number.isInteger(routeParam) && routeParam > 0 ? routeParam : undefined;
  switch (parts[0]) {
    case 'routes': {
      const id = Number(parts[1]);
      if (Number.isInteger(id) && id > 0) return { name: 'route', id, tab: asRouteTab(parts[2]) };
      return { name: 'routes' };
    }
    case 'tasks': {
      const id = Number(parts[1]);
      if (Number.isInteger(id) && id > 0) return { name: 'taskSheet', id };
      return parts[1] === 'new' ? { name: 'taskForm', routeId } : { name: 'tasks' };
    }
    case 'orders': {
      const id = Number(parts[1]);
      if (Number.isInteger(id) && id > 0) return { name: 'order', id };
      return parts[1] === 'new' ? { name: 'orderForm', routeId } : { name: 'orders' };
    }
    case 'entry': {
      const taskId = Number(parts[1]);
      return Number.isInteger(taskId) && taskId > 0 ? { name: 'entry', taskId } : { name: 'tasks', purpose: 'entry' };
    }
    case 'notices': {
      const taskId = Number(params.get('task'));
      if (Number.isInteger(taskId) && taskId > 0) return { name: 'notices', of: { taskId } };
      const warningIds = idList(params.get('ids'));
      return warningIds.length > 0 ? { name: 'notices', of: { warningIds } } : { name: 'warnings' };
    }
    case 'plans': {
      const taskIds = idList(params.get('tasks'));
      return parts[1] === 'sheets' && taskIds.length > 0 ? { name: 'planSheets', taskIds } : { name: 'plans' };
    }
    case 'assign':
      return parts[1] === 'criterion' ? { name: 'assignByCriterion', routeId } : { name: 'assignByStreet', routeId };
    case 'sections':
    case 'employees':
    case 'addresses':
    case 'accounts':
    case 'backups':
    case 'field':
    case 'users':
    case 'audit':
    case 'export':
    case 'import':
    case 'settings':
    case 'moratoria':
    case 'profile':
    case 'warnings':
    case 'registers':
    case 'reports':
    case 'reconnections':
    case 'checks':
      return { name: parts[0] };
    default:
      return { name: 'home' };
  }
}

export function toHash(screen: Screen): string {
  switch (screen.name) {
    case 'home':
      return '#/';
    case 'route':
      return `#/routes/${screen.id}${screen.tab === 'general' ? '' : `/${screen.tab}`}`;
    case 'assignByStreet':
    case 'assignByCriterion':
      return `#/assign/${screen.name === 'assignByStreet' ? 'street' : 'criterion'}${screen.routeId ? `?route=${screen.routeId}` : ''}`;
    case 'taskForm':
      return `#/tasks/new${screen.routeId ? `?route=${screen.routeId}` : ''}`;
    case 'taskSheet':
      return `#/tasks/${screen.id}/sheet`;
    case 'orderForm':
      return `#/orders/new${screen.routeId ? `?route=${screen.routeId}` : ''}`;
    case 'order':
      return `#/orders/${screen.id}`;
    case 'tasks':
      return screen.purpose === 'entry' ? '#/entry' : '#/tasks';
    case 'entry':
      return `#/entry/${screen.taskId}`;
    case 'planSheets':
      return `#/plans/sheets?tasks=${screen.taskIds.join(',')}`;
    case 'notices':
      return 'taskId' in screen.of ? `#/notices?task=${screen.of.taskId}` : `#/notices?ids=${screen.of.warningIds.join(',')}`;
    default:
      return `#/${screen.name}`;
  }
}

const RouterContext = createContext<{ screen: Screen; go: (screen: Screen) => void } | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [screen, setScreen] = useState<Screen>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setScreen(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: Screen) => {
    const hash = toHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    else setScreen(next);
  };
  return <RouterContext.Provider value={{ screen, go }}>{children}</RouterContext.Provider>;
}

export function useRouter() {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}

import { Button } from '@mantine/core';
import { useRouter } from '../../app/router';
import { useI18n } from '../../i18n/i18n';

/** From an assignment screen to the route's "Точки обліку" tab, once a route is chosen. */
export function ToRouteButton({ routeId }: { routeId: number | null }) {
  const { t } = useI18n();
  const { go } = useRouter();
  if (routeId === null) return null;
  return (
    <Button variant="default" onClick={() => go({ name: 'route', id: routeId, tab: 'points' })}>
      {t('assign.toRoute')}
    </Button>
  );
}

import { List, Text } from '@mantine/core';
import { useState } from 'react';
import type { AssignPreview, AssignResult, PointSelector } from '../../../shared/contract/routes';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useStatus } from '../../app/status';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useI18n } from '../../i18n/i18n';

/**
 * Assigns points to a route the way both assignment screens need: the core refuses to move
 * points off another route unless told so, and then the user sees which routes lose what and
 * decides (Enter moves, Esc keeps them where they are).
 */
export function useAssign(onDone: (result: AssignResult) => void) {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const [pending, setPending] = useState<{ routeId: number; selector: PointSelector; preview: AssignPreview } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const send = async (routeId: number, selector: PointSelector, confirmMove: boolean) => {
    try {
      const result = await api.call('routes.assign', { routeId, selector, confirmMove });
      setError(null);
      status.show(t('assign.done', { ...result, already: result.alreadyOnRoute }));
      onDone(result);
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      if (caught.code === 'route.moveNeedsConfirmation') {
        setPending({ routeId, selector, preview: caught.details as AssignPreview });
        return;
      }
      setError(caught);
      status.show(caught.message, 'error');
    }
  };

  const confirm = (
    <ConfirmModal
      opened={pending !== null}
      title={t('assign.confirmTitle')}
      confirmLabel={t('assign.confirmMove')}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        if (!pending) return;
        setPending(null);
        void send(pending.routeId, pending.selector, true);
      }}
    >
      {pending && (
        <div data-testid="move-confirm">
          <Text>{t('assign.confirmText')}</Text>
          <List my="xs">
            {pending.preview.onOtherRoutes.map((route) => (
              <List.Item key={route.routeId}>{t('assign.confirmRow', route)}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t('assign.confirmFree', { free: pending.preview.free, already: pending.preview.alreadyOnRoute })}
          </Text>
        </div>
      )}
    </ConfirmModal>
  );

  return { assign: (routeId: number, selector: PointSelector) => send(routeId, selector, false), confirm, error };
}

import { Button, Group, Kbd, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WalkChange, WalkChangeResult, WalkRow } from '../../../shared/contract/routes';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toggled } from '../../components/selection';
import { useI18n } from '../../i18n/i18n';
import { AccountLink } from '../accounts/AccountLink';

const testId = 'walk-sequence';

/**
 * Порядок обходу: the route's points as the controller walks them. Ctrl+↑/↓ move the ticked points
 * (or the current one) a place, F7 walks the current row's street the other way; the core decides
 * where everything lands, so the list shown is always the route's own order.
 */
export function WalkSequencePanel({ routeId, routeNumber }: { routeId: number; routeNumber: number | undefined }) {
  const { t } = useI18n();
  const api = useApi();
  const status = useStatus();
  const sequence = useRead('routes.sequence', { routeId });
  const rows = sequence.data ?? [];
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [activeKey, setActiveKey] = useState<number | undefined>();
  const active = useRef<WalkRow | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Edits go to the core one after another, in the order they were typed: Ctrl+↓ twice is two places.
  const queue = useRef(Promise.resolve());

  useEffect(() => {
    document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus();
  }, []);

  const send = (change: WalkChange, said?: (result: WalkChangeResult) => string) => {
    const done = queue.current.then(async () => {
      try {
        const result = await api.call('routes.resequence', { routeId, change });
        setError(null);
        if (said) status.show(said(result));
      } catch (caught) {
        if (!(caught instanceof ApiError)) throw caught;
        setError(caught);
        status.show(caught.message, 'error');
      }
    });
    // A bug is not swallowed (it stays unhandled on `done`), but the edits typed after it still go.
    queue.current = done.catch(() => {});
  };
  const block = () => (selected.size > 0 ? [...selected] : active.current ? [active.current.pointId] : []);
  const move = (by: number) => {
    const pointIds = block();
    if (pointIds.length > 0) send({ kind: 'move', pointIds, by });
  };
  const moveTo = (position: number) => {
    const pointIds = block();
    if (pointIds.length > 0) send({ kind: 'moveTo', pointIds, position });
  };
  const reverseStreet = () => {
    const row = active.current;
    if (row)
      send({ kind: 'reverseStreet', streetId: row.streetId }, ({ changed }) =>
        t('routes.streetReversed', { street: row.street, count: changed }),
      );
  };
  const renumber = () => send({ kind: 'renumber' }, ({ changed }) => t('routes.renumbered', { count: changed }));
  const addressOrder = () => {
    setAsking(false);
    send({ kind: 'addressOrder' }, ({ changed }) => t('routes.addressOrdered', { count: changed }));
  };

  useHotkeys(
    {
      'ctrl+up': () => move(-1),
      'ctrl+down': () => move(1),
      'ctrl+home': () => moveTo(1),
      'ctrl+end': () => moveTo(rows.length),
      f7: reverseStreet,
      f8: renumber,
      'shift+f8': () => setAsking(true),
    },
    { enabled: !asking },
  );

  // The same columns from render to render, so moving the cursor over a long walk redraws two rows, not all.
  const columns = useMemo<Column<WalkRow>[]>(
    () => [
      { key: 'seq', header: t('routes.seq'), render: (p) => p.seq ?? '—', width: 60, align: 'right' },
      { key: 'street', header: t('routes.street'), render: (p) => p.street },
      { key: 'house', header: t('routes.house'), render: (p) => p.house, width: 90 },
      { key: 'apartment', header: t('routes.apartment'), render: (p) => p.apartment, width: 70 },
      {
        key: 'account',
        header: t('points.account'),
        render: (p) => <AccountLink accountId={p.accountId} number={p.accountNumber} />,
        width: 110,
      },
      { key: 'name', header: t('points.name'), render: (p) => p.fullName },
    ],
    [t],
  );

  return (
    <Stack gap="xs">
      <ErrorAlert error={sequence.error ?? error} />
      <Group gap="xs">
        <Button variant="default" onClick={reverseStreet} rightSection={<Kbd size="xs">F7</Kbd>} disabled={rows.length === 0}>
          {t('routes.reverseStreet')}
        </Button>
        <Button variant="default" onClick={renumber} rightSection={<Kbd size="xs">F8</Kbd>} disabled={rows.length === 0}>
          {t('routes.renumber')}
        </Button>
        <Button variant="default" onClick={() => setAsking(true)} rightSection={<Kbd size="xs">Shift+F8</Kbd>} disabled={rows.length === 0}>
          {t('routes.addressOrder')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('routes.sequenceKeys')}
      </Text>
      <DataTable
        label={t('routes.sequenceTab')}
        testId={testId}
        columns={columns}
        rows={rows}
        rowKey={(p) => p.pointId}
        activeKey={activeKey}
        onActiveChange={(row) => {
          active.current = row;
          setActiveKey(row?.pointId);
        }}
        selected={selected}
        onToggle={(row) => setSelected((current) => toggled(current, row.pointId))}
      />
      <ConfirmModal
        opened={asking}
        title={t('routes.addressOrderTitle')}
        confirmLabel={t('routes.addressOrderDo')}
        danger
        onConfirm={addressOrder}
        onCancel={() => setAsking(false)}
      >
        <Text size="sm">{t('routes.addressOrderConfirm', { number: routeNumber ?? '' })}</Text>
      </ConfirmModal>
    </Stack>
  );
}

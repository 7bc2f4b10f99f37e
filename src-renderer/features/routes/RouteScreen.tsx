import { Badge, Button, Group, Kbd, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { RoutePointRow, RouteRow } from '../../../shared/contract/routes';
import { useApi } from '../../api/context';
import { usePagedRead } from '../../api/use-paged-read';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { asRouteTab, useRouter, type RouteTab } from '../../app/router';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { toggled } from '../../components/selection';
import { useAction } from '../../components/use-action';
import { useEditing } from '../../components/use-editing';
import { useI18n } from '../../i18n/i18n';
import { pointIdentityColumns } from '../accounts/point-columns';
import { useAccountCard } from '../accounts/AccountCardProvider';
import { RouteFormModal } from './RouteFormModal';
import { WalkSequencePanel } from './WalkSequencePanel';

const limit = 100;

/** One route: its details, the "Точки обліку" tab listing what is assigned to it, and their walk order (F4). */
export function RouteScreen({ id, tab }: { id: number; tab: RouteTab }) {
  const { t } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const card = useAccountCard();
  const editing = useEditing<RouteRow>();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const { run, error: actionError } = useAction();
  const route = useRead('routes.get', { id });
  const points = usePagedRead('routes.points', { routeId: id }, limit);
  const edit = () => route.data && editing.open(route.data);

  useHotkeys({
    f2: edit,
    f5: () => go({ name: 'assignByStreet', routeId: id }),
    f6: () => go({ name: 'assignByCriterion', routeId: id }),
    f4: () => go({ name: 'route', id, tab: 'sequence' }),
  });

  const toggle = (row: RoutePointRow) => setSelected((current) => toggled(current, row.pointId));

  const removeSelected = () =>
    run(async () => {
      const { removed } = await api.call('routes.removePoints', { routeId: id, pointIds: [...selected] });
      status.show(t('routes.removed', { count: removed }));
      setSelected(new Set());
    });

  const columns: Column<RoutePointRow>[] = [
    ...pointIdentityColumns(t),
    { key: 'meter', header: t('points.meter'), render: (p) => (p.meterSerial ? `${p.meterSerial} (${p.meterModel})` : t('common.none')) },
    {
      key: 'status',
      header: t('points.status'),
      render: (p) => (p.status === 'connected' ? t('points.connected') : <Badge color="gray">{t('points.disconnected')}</Badge>),
      width: 120,
    },
  ];

  const r = route.data;
  return (
    <Screen
      title={r ? `${t('routes.editTitle', { number: r.number })} — ${r.name}` : t('routes.title')}
      actions={
        <>
          <Button variant="default" onClick={() => go({ name: 'routes' })}>
            {t('routes.back')}
          </Button>
          <Button variant="default" onClick={edit} rightSection={<Kbd size="xs">F2</Kbd>} disabled={!r}>
            {t('common.edit')}
          </Button>
        </>
      }
    >
      <ErrorAlert error={route.error ?? points.error ?? actionError} />
      <Tabs value={tab} onChange={(value) => go({ name: 'route', id, tab: asRouteTab(value) })}>
        <Tabs.List>
          <Tabs.Tab value="general">{t('routes.general')}</Tabs.Tab>
          <Tabs.Tab value="points">
            {t('routes.pointsTab')}{' '}
            {r && (
              <Badge size="sm" variant="light">
                {r.pointCount}
              </Badge>
            )}
          </Tabs.Tab>
          <Tabs.Tab value="sequence" rightSection={<Kbd size="xs">F4</Kbd>}>
            {t('routes.sequenceTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general" pt="md">
          {r && (
            <SimpleGrid cols={2} maw={700} spacing="xs">
              <Text c="dimmed">{t('routes.number')}</Text>
              <Text>{r.number}</Text>
              <Text c="dimmed">{t('routes.name')}</Text>
              <Text>{r.name}</Text>
              <Text c="dimmed">{t('routes.section')}</Text>
              <Text>{r.sectionName ?? t('common.none')}</Text>
              <Text c="dimmed">{t('routes.executor')}</Text>
              <Text>{r.executorName ?? t('common.none')}</Text>
              <Text c="dimmed">{t('routes.points')}</Text>
              <Text>{r.pointCount}</Text>
            </SimpleGrid>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="points" pt="md">
          <Stack gap="xs">
            <Group gap="xs">
              <Button onClick={() => go({ name: 'assignByStreet', routeId: id })} rightSection={<Kbd size="xs">F5</Kbd>}>
                {t('routes.assignStreet')}
              </Button>
              <Button
                variant="default"
                onClick={() => go({ name: 'assignByCriterion', routeId: id })}
                rightSection={<Kbd size="xs">F6</Kbd>}
              >
                {t('routes.assignCriterion')}
              </Button>
              <Button variant="default" color="red" disabled={selected.size === 0} onClick={() => void removeSelected()}>
                {t('routes.removeSelected', { count: selected.size })}
              </Button>
            </Group>
            {r && r.pointCount === 0 ? (
              <Text c="dimmed">{t('routes.emptyHint')}</Text>
            ) : (
              <DataTable
                label={t('routes.pointsTab')}
                testId="route-points"
                columns={columns}
                rows={points.rows}
                rowKey={(p) => p.pointId}
                page={points.page}
                selected={selected}
                onToggle={toggle}
                onOpen={(p) => card.open(p.accountId)}
              />
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="sequence" pt="md">
          {tab === 'sequence' && <WalkSequencePanel routeId={id} routeNumber={r?.number} />}
        </Tabs.Panel>
      </Tabs>
      <RouteFormModal
        key={editing.key}
        opened={editing.opened}
        row={editing.row}
        onClose={editing.close}
        onSaved={() => {
          editing.close();
          status.show(t('common.saved'));
        }}
      />
    </Screen>
  );
}

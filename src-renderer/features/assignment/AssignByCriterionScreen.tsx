import { Button, Group, Kbd, SegmentedControl, Text } from '@mantine/core';
import { TextField } from '../../components/fields';
import { keepPreviousData, skipToken } from '@tanstack/react-query';
import { useState } from 'react';
import type { PointSearchRow } from '../../../shared/contract/accounts';
import type { PointSelector } from '../../../shared/contract/routes';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { toggled } from '../../components/selection';
import { useSettlementOptions } from '../../components/options';
import { useI18n } from '../../i18n/i18n';
import { pointIdentityColumns } from '../accounts/point-columns';
import { RoutePicker } from './RoutePicker';
import { ToRouteButton } from './ToRouteButton';
import { useAssign } from './use-assign';

type Criterion = 'settlement' | 'points';

/** Робота з абонентом / Формування маршруту: a whole settlement, or points found one by one. */
export function AssignByCriterionScreen({ routeId: initialRoute }: { routeId?: number | undefined }) {
  const { t } = useI18n();
  const status = useStatus();
  const [routeId, setRouteId] = useState<number | null>(initialRoute ?? null);
  const [criterion, setCriterion] = useState<Criterion>('points');
  const [settlementId, setSettlementId] = useState<number | null>(null);
  const settlements = useSettlementOptions();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const searching = query.trim().length >= 2;
  const found = useRead('points.search', searching ? { query, limit: 50 } : skipToken, { placeholderData: keepPreviousData });
  const rows = (searching && found.data) || [];
  const { assign, confirm, error } = useAssign(() => setSelected(new Set()));

  const selector = (): PointSelector | null => {
    if (criterion === 'settlement') return settlementId === null ? null : { kind: 'settlement', settlementId };
    return selected.size === 0 ? null : { kind: 'points', pointIds: [...selected] };
  };
  const submit = () => {
    const chosen = selector();
    if (routeId === null) status.show(t('assign.pickRouteFirst'), 'error');
    else if (!chosen) status.show(t(criterion === 'settlement' ? 'addresses.pickSettlement' : 'assign.pickPointsFirst'), 'error');
    else void assign(routeId, chosen);
  };
  useHotkeys({ f9: submit });

  const toggle = (row: PointSearchRow) => setSelected((current) => toggled(current, row.pointId));

  const columns: Column<PointSearchRow>[] = [
    ...pointIdentityColumns(t),
    {
      key: 'route',
      header: t('points.route'),
      render: (p) => (p.routeNumber === null ? t('common.none') : `№ ${p.routeNumber}`),
      width: 100,
    },
  ];

  return (
    <Screen title={t('assign.byCriterionTitle')} actions={<ToRouteButton routeId={routeId} />}>
      <RoutePicker value={routeId} onChange={setRouteId} autoFocus={initialRoute === undefined} />
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('assign.criterion')}
        </Text>
        <SegmentedControl<Criterion>
          value={criterion}
          onChange={setCriterion}
          data={[
            { value: 'points', label: t('assign.criterionPoint') },
            { value: 'settlement', label: t('assign.criterionSettlement') },
          ]}
        />
      </div>
      {criterion === 'settlement' ? (
        <PickSelect<number> label={t('assign.settlement')} data={settlements} value={settlementId} onChange={setSettlementId} w={300} />
      ) : (
        <TextField
          label={t('assign.pointSearch')}
          placeholder={t('assign.pointSearchHint')}
          value={query}
          onValue={setQuery}
          w={420}
          autoFocus={initialRoute !== undefined}
        />
      )}
      <Group gap="md">
        <Button onClick={submit} rightSection={<Kbd size="xs">F9</Kbd>}>
          {t('assign.submit')}
        </Button>
        {criterion === 'points' && (
          <Text size="sm" c="dimmed">
            {t('assign.selectedPoints', { count: selected.size })}
          </Text>
        )}
      </Group>
      <ErrorAlert error={found.error ?? error} />
      {criterion === 'points' && (
        <DataTable
          label={t('assign.pointSearch')}
          testId="point-results"
          columns={columns}
          rows={rows}
          rowKey={(p) => p.pointId}
          selected={selected}
          onToggle={toggle}
          onOpen={toggle}
        />
      )}
      {confirm}
    </Screen>
  );
}

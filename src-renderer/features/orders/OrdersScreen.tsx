import { Badge, Button, Group, Kbd, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { access, allows } from '../../../shared/contract/access';
import { orderStatuses, type OrderRow, type OrderStatus } from '../../../shared/contract/orders';
import { formatDate } from '../../../shared/i18n/format';
import { usePagedRead } from '../../api/use-paged-read';
import { useAuth } from '../../app/AuthGate';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { DataTable, type Column } from '../../components/DataTable';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { useRouteOptions } from '../../components/options';
import { useI18n } from '../../i18n/i18n';

const limit = 50;

export const orderStatusColor: Record<OrderStatus, string> = { new: 'orange', done: 'green' };

/** Робота з абонентом / Наряди на відключення: the register. Enter opens an order, Insert forms new ones. */
export function OrdersScreen() {
  const { t, locale } = useI18n();
  const { go } = useRouter();
  const { user } = useAuth();
  const [status, setStatus] = useState<'all' | OrderStatus>('all');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [routeId, setRouteId] = useState<number | null>(null);
  const [active, setActive] = useState<OrderRow | undefined>();
  const routes = useRouteOptions();
  const orders = usePagedRead('orders.list', { status, dateFrom: dateFrom || null, dateTo: dateTo || null, routeId }, limit);
  const mayForm = allows(user.role, access['orders.form']);
  useHotkeys({ insert: () => mayForm && go({ name: 'orderForm' }) });

  const columns: Column<OrderRow>[] = [
    { key: 'date', header: t('orders.orderDate'), render: (o) => formatDate(o.orderDate, locale), width: 100 },
    { key: 'name', header: t('orders.name'), render: (o) => o.name },
    { key: 'criterion', header: t('orders.criterion'), render: (o) => t(`orders.criterion.${o.criterion}`) },
    { key: 'positions', header: t('orders.positions'), render: (o) => o.positions, width: 80, align: 'right' },
    { key: 'done', header: t('orders.done'), render: (o) => o.done, width: 100, align: 'right' },
    { key: 'notDone', header: t('orders.notDone'), render: (o) => o.notDone, width: 110, align: 'right' },
    {
      key: 'status',
      header: t('orders.status'),
      render: (o) => (
        <Badge variant="light" color={orderStatusColor[o.status]}>
          {t(`orders.status.${o.status}`)}
        </Badge>
      ),
      width: 120,
    },
  ];

  return (
    <Screen
      title={t('orders.listTitle')}
      actions={
        <>
          {mayForm && (
            <Button onClick={() => go({ name: 'orderForm' })} rightSection={<Kbd size="xs">Ins</Kbd>}>
              {t('orders.new')}
            </Button>
          )}
          <Button variant="default" disabled={!active} onClick={() => active && go({ name: 'order', id: active.id })}>
            {t('orders.open')}
          </Button>
        </>
      }
    >
      <Group align="flex-end" gap="sm">
        <Select
          label={t('orders.status')}
          value={status}
          onChange={(value) => setStatus(value ?? 'all')}
          data={[
            { value: 'all', label: t('orders.status.all') },
            ...orderStatuses.map((value) => ({ value, label: t(`orders.status.${value}`) })),
          ]}
          allowDeselect={false}
          w={160}
        />
        <DateRangeFilter from={dateFrom} to={dateTo} onFromChange={setDateFrom} onToChange={setDateTo} />
        <PickSelect<number> label={t('tasks.route')} data={routes} value={routeId} onChange={setRouteId} clearable allowDeselect w={280} />
      </Group>
      <ErrorAlert error={orders.error} />
      <DataTable
        label={t('orders.listTitle')}
        testId="orders-table"
        columns={columns}
        rows={orders.rows}
        rowKey={(o) => o.id}
        page={orders.page}
        onActiveChange={setActive}
        onOpen={(o) => go({ name: 'order', id: o.id })}
        emptyText={t('orders.empty')}
      />
      <Text size="xs" c="dimmed">
        {t('orders.listKeys')}
      </Text>
    </Screen>
  );
}

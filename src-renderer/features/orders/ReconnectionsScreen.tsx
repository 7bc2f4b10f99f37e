import { Badge, Button, Group, Kbd, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { access, allows } from '../../../shared/contract/access';
import type { ReconnectionRow } from '../../../shared/contract/orders';
import { formatDate, formatLocalDateTime } from '../../../shared/i18n/format';
import { usePagedRead } from '../../api/use-paged-read';
import { useAuth } from '../../app/AuthGate';
import { useHotkeys } from '../../app/hotkeys';
import { DataTable, type Column } from '../../components/DataTable';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { useI18n } from '../../i18n/i18n';
import { RecordReconnectionForm } from './ReconnectionDialogs';
import { reconnectionColor, reconnectionState } from './reconnection-state';

const limit = 50;
const filters = ['all', 'new', 'overdue', 'done'] as const;
type Filter = (typeof filters)[number];

/**
 * Робота з абонентом / Підключення після відключення: reconnection orders with their legal
 * deadlines (a town's shorter than a village's). F4 records the reconnection of the active one.
 */
export function ReconnectionsScreen() {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const [status, setStatus] = useState<Filter>('all');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [active, setActive] = useState<ReconnectionRow | undefined>();
  const [recording, setRecording] = useState<ReconnectionRow | null>(null);
  const list = usePagedRead('reconnections.list', { status, dateFrom: dateFrom || null, dateTo: dateTo || null }, limit);
  const mayRecord = allows(user.role, access['reconnections.record']);
  const record = () => mayRecord && active?.status === 'new' && setRecording(active);
  useHotkeys({ f4: record });

  const columns: Column<ReconnectionRow>[] = [
    { key: 'account', header: t('orders.account'), render: (r) => r.accountNumber, width: 90 },
    { key: 'name', header: t('orders.consumer'), render: (r) => r.fullName },
    { key: 'address', header: t('orders.address'), render: (r) => r.address },
    { key: 'place', header: t('reconnections.place'), render: (r) => t(`reconnections.place.${r.place}`), width: 90 },
    {
      key: 'basis',
      header: t('reconnections.basis'),
      render: (r) => [t(`reconnections.basis.${r.basis}`), r.basisNote].filter(Boolean).join(': '),
    },
    { key: 'formed', header: t('reconnections.formedOnShort'), render: (r) => formatDate(r.formedOn, locale), width: 100 },
    {
      key: 'deadline',
      header: t('reconnections.deadline'),
      render: (r) => (
        <Text size="sm" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 600 : undefined}>
          {formatDate(r.deadlineOn, locale)}
        </Text>
      ),
      width: 100,
    },
    {
      key: 'status',
      header: t('reconnections.status'),
      render: (r) => (
        <Badge variant="light" color={reconnectionColor[reconnectionState(r)]}>
          {t(`reconnections.status.${reconnectionState(r)}`)}
        </Badge>
      ),
      width: 130,
    },
    {
      key: 'done',
      header: t('reconnections.doneAt'),
      render: (r) =>
        r.doneAt
          ? [
              formatLocalDateTime(r.doneAt, locale),
              r.overdue ? t('reconnections.lateMark') : '',
              r.sealNumber ? t('orders.outcome.seal', { seal: r.sealNumber }) : '',
              r.reading === null ? '' : t('orders.outcome.reading', { reading: r.reading }),
              r.executorName ?? '',
            ]
              .filter(Boolean)
              .join('; ')
          : '',
    },
  ];

  return (
    <Screen
      title={t('reconnections.title')}
      actions={
        mayRecord && (
          <Button disabled={active?.status !== 'new'} onClick={record} rightSection={<Kbd size="xs">F4</Kbd>}>
            {t('reconnections.record')}
          </Button>
        )
      }
    >
      <Group align="flex-end" gap="sm">
        <Select
          label={t('reconnections.status')}
          value={status}
          onChange={(value) => setStatus(value ?? 'all')}
          data={filters.map((value) => ({ value, label: t(`reconnections.filter.${value}`) }))}
          allowDeselect={false}
          w={170}
        />
        <DateRangeFilter from={dateFrom} to={dateTo} onFromChange={setDateFrom} onToChange={setDateTo} />
      </Group>
      <ErrorAlert error={list.error} />
      <DataTable
        label={t('reconnections.title')}
        testId="reconnections-table"
        columns={columns}
        rows={list.rows}
        rowKey={(r) => r.id}
        page={list.page}
        onActiveChange={setActive}
        emptyText={t('reconnections.empty')}
      />
      <Text size="xs" c="dimmed">
        {t('reconnections.keys')}
      </Text>
      {recording && <RecordReconnectionForm row={recording} onClose={() => setRecording(null)} />}
    </Screen>
  );
}

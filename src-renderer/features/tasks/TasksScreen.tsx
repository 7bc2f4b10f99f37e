import { Badge, Button, Group, Kbd, Select, TextInput } from '@mantine/core';
import type { ComboboxItem } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TaskRow } from '../../../shared/contract/tasks';
import { describeCriteria, displayDate } from '../../../shared/i18n/criteria';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { routeOptions } from '../../components/options';
import { useQuery } from '../../components/use-query';
import { useI18n } from '../../i18n/i18n';

const limit = 50;
type Status = 'all' | 'open' | 'done';

/**
 * Завдання на обхід — also reached from Звіти / Завдання та рахунки for reprinting. Enter opens the
 * route sheet, Insert forms a new task, Delete deletes one nothing has been entered on.
 */
export function TasksScreen({ purpose }: { purpose?: 'entry' | undefined }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [routeId, setRouteId] = useState<number | null>(null);
  const [executorId, setExecutorId] = useState<number | null>(null);
  const [state, setState] = useState<Status>(purpose === 'entry' ? 'open' : 'all');
  const [offset, setOffset] = useState(0);
  const [routes, setRoutes] = useState<ComboboxItem<number>[]>([]);
  const [executors, setExecutors] = useState<ComboboxItem<number>[]>([]);
  const [active, setActive] = useState<TaskRow | undefined>();
  const [deleting, setDeleting] = useState<TaskRow | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  useEffect(() => {
    void routeOptions(api).then(setRoutes);
    void api
      .call('employees.list', {})
      .then((rows) => setExecutors(rows.filter((e) => e.isController).map((e) => ({ value: e.id, label: e.fullName }))));
  }, [api]);
  const filters = { dateFrom: dateFrom || null, dateTo: dateTo || null, routeId, executorId, status: state };
  const { data, error, reload } = useQuery(
    () => api.call('tasks.list', { ...filters, offset, limit }),
    [dateFrom, dateTo, routeId, executorId, state, offset],
  );
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };

  const remove = async (task: TaskRow) => {
    setDeleting(null);
    try {
      await api.call('tasks.delete', { id: task.id });
      status.show(t('tasks.deleted'));
      setActionError(null);
      await reload();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setActionError(caught);
      status.show(caught.message, 'error');
    }
  };
  useHotkeys({
    insert: () => go({ name: 'taskForm' }),
    delete: () => active && setDeleting(active),
    f4: () => active && go({ name: 'entry', taskId: active.id }),
  });

  const columns: Column<TaskRow>[] = [
    { key: 'date', header: t('tasks.date'), render: (r) => displayDate(r.taskDate), width: 100 },
    { key: 'route', header: t('tasks.route'), render: (r) => `№ ${r.routeNumber} — ${r.routeName}` },
    { key: 'executor', header: t('tasks.executor'), render: (r) => r.executorName ?? t('common.none') },
    { key: 'criterion', header: t('tasks.criterion'), render: (r) => describeCriteria(r.criteria, locale) },
    { key: 'total', header: t('tasks.positions'), render: (r) => r.total, width: 80, align: 'right' },
    { key: 'executed', header: t('tasks.executed'), render: (r) => r.executed, width: 90, align: 'right' },
    { key: 'notExecuted', header: t('tasks.notExecuted'), render: (r) => r.notExecuted, width: 110, align: 'right' },
    {
      key: 'status',
      header: t('tasks.status'),
      render: (r) =>
        r.executed + r.notExecuted === r.total ? (
          <Badge color="green">{t('tasks.statusDone')}</Badge>
        ) : (
          <Badge variant="light">{t('tasks.statusOpen')}</Badge>
        ),
      width: 120,
    },
  ];

  return (
    <Screen
      title={purpose === 'entry' ? t('entry.pickTitle') : t('tasks.listTitle')}
      actions={
        <>
          <Button onClick={() => go({ name: 'taskForm' })} rightSection={<Kbd size="xs">Ins</Kbd>}>
            {t('tasks.new')}
          </Button>
          <Button variant="default" disabled={!active} onClick={() => active && go({ name: 'taskSheet', id: active.id })}>
            {t('tasks.openSheet')}
          </Button>
          <Button
            variant="default"
            disabled={!active}
            onClick={() => active && go({ name: 'entry', taskId: active.id })}
            rightSection={<Kbd size="xs">F4</Kbd>}
          >
            {t('menu.entry')}
          </Button>
          <Button
            variant="default"
            color="red"
            disabled={!active}
            onClick={() => active && setDeleting(active)}
            rightSection={<Kbd size="xs">Del</Kbd>}
          >
            {t('common.delete')}
          </Button>
        </>
      }
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('tasks.dateFrom')}
          value={dateFrom}
          onChange={(e) => refilter(setDateFrom)(e.currentTarget.value)}
          w={160}
        />
        <TextInput
          type="date"
          label={t('tasks.dateTo')}
          value={dateTo}
          onChange={(e) => refilter(setDateTo)(e.currentTarget.value)}
          w={160}
        />
        <PickSelect<number>
          label={t('tasks.route')}
          data={routes}
          value={routeId}
          onChange={refilter(setRouteId)}
          clearable
          allowDeselect
          w={280}
        />
        <PickSelect<number>
          label={t('tasks.executor')}
          data={executors}
          value={executorId}
          onChange={refilter(setExecutorId)}
          clearable
          allowDeselect
          w={260}
        />
        <Select
          label={t('tasks.status')}
          value={state}
          onChange={(value) => refilter(setState)(value ?? 'all')}
          data={[
            { value: 'all', label: t('tasks.statusAll') },
            { value: 'open', label: t('tasks.statusOpen') },
            { value: 'done', label: t('tasks.statusDone') },
          ]}
          allowDeselect={false}
          w={160}
        />
      </Group>
      <ErrorAlert error={error ?? actionError} />
      <DataTable
        label={t('tasks.listTitle')}
        testId="tasks-table"
        columns={columns}
        rows={data?.rows ?? []}
        rowKey={(r) => r.id}
        total={data?.total ?? 0}
        offset={offset}
        limit={limit}
        onOffsetChange={setOffset}
        onActiveChange={setActive}
        onOpen={(r) => go(purpose === 'entry' ? { name: 'entry', taskId: r.id } : { name: 'taskSheet', id: r.id })}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('common.delete')}
        confirmLabel={t('common.delete')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove(deleting)}
      >
        {deleting &&
          t('tasks.deleteConfirm', { date: displayDate(deleting.taskDate), number: deleting.routeNumber, positions: deleting.total })}
      </ConfirmModal>
    </Screen>
  );
}

import { Badge, Button, Group, Kbd, Select } from '@mantine/core';
import { useState } from 'react';
import type { TaskRow } from '../../../shared/contract/tasks';
import { describeCriteria } from '../../../shared/i18n/criteria';
import { formatDate } from '../../../shared/i18n/format';
import { useApi } from '../../api/context';
import { usePagedRead } from '../../api/use-paged-read';
import { useRead } from '../../api/use-read';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { DataTable, type Column } from '../../components/DataTable';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PickSelect } from '../../components/PickSelect';
import { Screen } from '../../components/Screen';
import { useRouteOptions } from '../../components/options';
import { DeleteButton, useConfirmedDelete } from '../../components/use-confirmed-delete';
import { useI18n } from '../../i18n/i18n';
import { useStatus } from '../../app/status';
import { ControllerPick } from '../plans/ControllerPick';

const limit = 50;
type Status = 'all' | 'open' | 'done';

/**
 * Завдання на обхід — also reached from Звіти / Завдання та рахунки for reprinting. Enter opens the
 * route sheet, Insert forms a new task, F6 shows the notices of its warnings, F7 hands it to another
 * controller, Delete deletes one nothing has been entered on.
 */
export function TasksScreen({ purpose }: { purpose?: 'entry' | undefined }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [routeId, setRouteId] = useState<number | null>(null);
  const [executorId, setExecutorId] = useState<number | null>(null);
  const [state, setState] = useState<Status>(purpose === 'entry' ? 'open' : 'all');
  const [active, setActive] = useState<TaskRow | undefined>();
  const [reassigning, setReassigning] = useState<TaskRow | null>(null);
  const status = useStatus();
  const routes = useRouteOptions();
  // Everyone who has been a controller: old tasks name people who have since left.
  const employees = useRead('employees.list', {});
  const executors = (employees.data ?? []).filter((e) => e.isController).map((e) => ({ value: e.id, label: e.fullName }));
  const filters = { dateFrom: dateFrom || null, dateTo: dateTo || null, routeId, executorId, status: state };
  const tasks = usePagedRead('tasks.list', filters, limit);

  const deletion = useConfirmedDelete<TaskRow>({
    question: (task) =>
      t('tasks.deleteConfirm', { date: formatDate(task.taskDate, locale), number: task.routeNumber, positions: task.total }),
    remove: async (task) => {
      await api.call('tasks.delete', { id: task.id });
      return t('tasks.deleted');
    },
  });
  useHotkeys({
    insert: () => go({ name: 'taskForm' }),
    delete: () => deletion.ask(active),
    f4: () => active && go({ name: 'entry', taskId: active.id }),
    // The notices of the task's warnings in force, all at once, to hand out on the walk.
    f6: () => active && go({ name: 'notices', of: { taskId: active.id } }),
    // Another controller walks it (illness, leave): the sheet then prints their name.
    f7: () => active && setReassigning(active),
  });

  const columns: Column<TaskRow>[] = [
    { key: 'date', header: t('tasks.date'), render: (r) => formatDate(r.taskDate, locale), width: 100 },
    { key: 'route', header: t('tasks.route'), render: (r) => `№ ${r.routeNumber} — ${r.routeName}` },
    { key: 'executor', header: t('tasks.executor'), render: (r) => r.executorName ?? t('common.none') },
    {
      key: 'criterion',
      header: t('tasks.criterion'),
      render: (r) => (r.kind === 'plan' ? t('tasks.kindPlan') : describeCriteria(r.criteria, locale)),
    },
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
            onClick={() => active && go({ name: 'notices', of: { taskId: active.id } })}
            rightSection={<Kbd size="xs">F6</Kbd>}
          >
            {t('tasks.printNotices')}
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
            disabled={!active}
            onClick={() => active && setReassigning(active)}
            rightSection={<Kbd size="xs">F7</Kbd>}
          >
            {t('tasks.reassign')}
          </Button>
          <DeleteButton disabled={!active} onClick={() => deletion.ask(active)} />
        </>
      }
    >
      <Group align="flex-end" gap="sm">
        <DateRangeFilter from={dateFrom} to={dateTo} onFromChange={setDateFrom} onToChange={setDateTo} />
        <PickSelect<number> label={t('tasks.route')} data={routes} value={routeId} onChange={setRouteId} clearable allowDeselect w={280} />
        <PickSelect<number>
          label={t('tasks.executor')}
          data={executors}
          value={executorId}
          onChange={setExecutorId}
          clearable
          allowDeselect
          w={260}
        />
        <Select
          label={t('tasks.status')}
          value={state}
          onChange={(value) => setState(value ?? 'all')}
          data={[
            { value: 'all', label: t('tasks.statusAll') },
            { value: 'open', label: t('tasks.statusOpen') },
            { value: 'done', label: t('tasks.statusDone') },
          ]}
          allowDeselect={false}
          w={160}
        />
      </Group>
      <ErrorAlert error={tasks.error ?? deletion.error} />
      <DataTable
        label={t('tasks.listTitle')}
        testId="tasks-table"
        columns={columns}
        rows={tasks.rows}
        rowKey={(r) => r.id}
        page={tasks.page}
        onActiveChange={setActive}
        onOpen={(r) => go(purpose === 'entry' ? { name: 'entry', taskId: r.id } : { name: 'taskSheet', id: r.id })}
      />
      {deletion.dialog}
      {reassigning && (
        <ControllerPick
          title={t('tasks.reassignTitle', { number: reassigning.routeNumber, date: formatDate(reassigning.taskDate, locale) })}
          submitLabel={t('tasks.reassignSubmit')}
          except={reassigning.executorId}
          onClose={() => setReassigning(null)}
          onPick={async (employeeId, name) => {
            await api.call('tasks.reassign', { id: reassigning.id, employeeId });
            setReassigning(null);
            status.show(t('tasks.reassigned', { name }));
          }}
        />
      )}
    </Screen>
  );
}

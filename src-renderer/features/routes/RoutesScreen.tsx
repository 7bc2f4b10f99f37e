import {} from '@mantine/core';
import { TextField } from '../../components/fields';
import { useState } from 'react';
import type { RouteRow } from '../../../shared/contract/routes';
import { useApi } from '../../api/context';
import { usePagedRead } from '../../api/use-paged-read';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { DataTable, type Column } from '../../components/DataTable';
import { EditActions } from '../../components/EditActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Screen } from '../../components/Screen';
import { DeleteButton, useConfirmedDelete } from '../../components/use-confirmed-delete';
import { useEditing } from '../../components/use-editing';
import { useI18n } from '../../i18n/i18n';
import { RouteFormModal } from './RouteFormModal';

const limit = 50;

/** Довідники / Довідники РЕМ / Маршрути. Insert adds, F2 edits, Delete deletes, Enter opens. */
export function RoutesScreen() {
  const { t } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<RouteRow | undefined>();
  const editing = useEditing<RouteRow>();
  const routes = usePagedRead('routes.list', { query }, limit);
  const deletion = useConfirmedDelete<RouteRow>({
    question: (route) => t('routes.deleteConfirm', { number: route.number, name: route.name }),
    remove: async (route) => {
      await api.call('routes.delete', { id: route.id });
      return t('routes.deleted', { number: route.number });
    },
  });

  useHotkeys({
    insert: () => editing.open(),
    f2: () => active && editing.open(active),
    delete: () => deletion.ask(active),
  });

  const columns: Column<RouteRow>[] = [
    { key: 'number', header: t('routes.number'), render: (r) => r.number, width: 90, align: 'right' },
    { key: 'name', header: t('routes.name'), render: (r) => r.name },
    { key: 'section', header: t('routes.section'), render: (r) => r.sectionName ?? t('common.none') },
    { key: 'executor', header: t('routes.executor'), render: (r) => r.executorName ?? t('common.none') },
    { key: 'points', header: t('routes.points'), render: (r) => r.pointCount, width: 130, align: 'right' },
  ];

  return (
    <Screen
      title={t('routes.title')}
      actions={
        <>
          <EditActions onAdd={() => editing.open()} onEdit={() => active && editing.open(active)} canEdit={!!active} />
          <DeleteButton disabled={!active} onClick={() => deletion.ask(active)} />
        </>
      }
    >
      <TextField label={t('common.search')} placeholder={t('common.searchHint')} value={query} onValue={setQuery} w={360} data-autofocus />
      <ErrorAlert error={routes.error ?? deletion.error} />
      <DataTable
        label={t('routes.title')}
        testId="routes-table"
        columns={columns}
        rows={routes.rows}
        rowKey={(r) => r.id}
        page={routes.page}
        onActiveChange={setActive}
        onOpen={(r) => go({ name: 'route', id: r.id, tab: 'points' })}
      />
      <RouteFormModal
        key={editing.key}
        opened={editing.opened}
        row={editing.row}
        onClose={editing.close}
        onSaved={(saved) => {
          editing.close();
          status.show(`${t('common.saved')}: ${t('routes.editTitle', { number: saved.number })}`);
          if (!editing.row) go({ name: 'route', id: saved.id, tab: 'points' });
        }}
      />
      {deletion.dialog}
    </Screen>
  );
}
